package org.opengru.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.contact.ContactStatus;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.inbound.imap.ImapMailbox;
import org.opengru.core.notification.Attachment;
import org.opengru.core.notification.LanguageRegister;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.core.notification.NotificationPreferences;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.notification.RequestNotice;
import org.opengru.core.notification.email.SmtpEmailSender;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.testing.MutableClock;
import org.opengru.core.testing.TestMails;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.value.EmailAddress;

/**
 * Inbound mail through a real IMAP server (GreenMail): replies threaded into their request, forged
 * tokens, oversized attachments, unknown senders. GreenMail has no recipient delimiter, so a reply to the
 * plus-address is delivered into the commune's mailbox as Postfix would ({@code recipient_delimiter=+}).
 */
class InboundMailTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    static final TenantId T = TenantId.of("commune-test");
    static final EmailAddress MAIRIE = EmailAddress.parse("mairie@commune-test.fr");
    static final EmailAddress LEA = EmailAddress.parse("lea.martin@exemple.fr");

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    final ReplyTokens tokens = new ReplyTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    final UsagerId lea = UsagerId.of(UUID.randomUUID());
    final RequestId request = RequestId.of(UUID.randomUUID());
    final ContactLog contacts = ContactLog.inMemory();
    final RecordingThreads threads = new RecordingThreads();
    final List<String> screened = new CopyOnWriteArrayList<>();
    GreenMailUser mairieUser;
    InboundMailProcessor processor;
    ImapMailbox mailbox;

    /** Request threads in memory: Léa's request and the replies it received. */
    final class RecordingThreads implements RequestThreads {
        final List<InboundReply> replies = new CopyOnWriteArrayList<>();
        final AtomicBoolean down = new AtomicBoolean();

        @Override
        public Optional<Correspondent> correspondent(TenantId tenant, RequestId r) {
            return tenant.equals(T) && r.equals(request)
                    ? Optional.of(new Correspondent(lea, Set.of(LEA)))
                    : Optional.empty();
        }

        @Override
        public void appendReply(TenantId tenant, RequestId r, InboundReply reply) {
            if (down.get()) {
                throw new IllegalStateException("database down");
            }
            if (replies.stream().noneMatch(x -> x.messageId().equals(reply.messageId()))) {
                replies.add(reply);
            }
        }
    }

    @BeforeEach
    void setUp() {
        mairieUser = MAIL.setUser(MAIRIE.value(), "mairie", "secret");
        processor = InboundMailProcessor.builder(tokens, clock)
                .threads(threads)
                .contacts(contacts)
                .senders((tenant, address) -> address.equals(LEA) ? Optional.of(lea) : Optional.empty())
                .screen((tenant, owner, a) -> {
                    if (a.fileName().endsWith(".exe")) {
                        throw new AttachmentRejectedException(a.fileName(), "executable");
                    }
                    screened.add(a.fileName());
                    return new AttachmentScreen.Accepted(
                            "doc:" + a.fileName(), a.fileName(), a.contentType(), a.size());
                })
                .limits(4096, 8192)
                .build();
        mailbox = new ImapMailbox(TestMails.imap(MAIL), clock);
    }

    MimeMessage reply(String from, String to, String subject, String text, byte[] attachment, String name)
            throws Exception {
        return TestMails.reply(from, to, subject, text, attachment == null ? Map.of() : Map.of(name, attachment));
    }

    int count(String folder) throws Exception {
        return TestMails.count(MAIL, "mairie", "secret", folder);
    }

    /** Sends Léa the real notification e-mail and returns its Reply-To. */
    String notificationReplyTo() throws Exception {
        Outbox outbox = Outbox.inMemory(clock, Set.of(NotificationService.SUBSCRIBER));
        NotificationPreferenceStore prefs = NotificationPreferenceStore.inMemory();
        prefs.save(new NotificationPreferences(
                T, lea, List.of(NotificationChannel.EMAIL), LEA, null, null, null, null, LanguageRegister.STANDARD));
        NotificationService service = NotificationService.builder(clock, outbox)
                .preferences(prefs)
                .sender(new SmtpEmailSender(TestMails.smtp(MAIL, MAIRIE, "Mairie"), clock, tokens.replyTo(MAIRIE)))
                .build();
        service.enqueue(new RequestNotice(
                EventId.of(UUID.randomUUID()),
                T,
                lea,
                NotificationKind.COMPLEMENT_REQUESTED,
                clock.instant(),
                request,
                Map.of("reference", "7K3F-M9XA", "missingPieces", "- justificatif de domicile", "deadline", "16 mars"),
                List.<Attachment>of()));
        OutboxRelay.builder(outbox, clock)
                .subscriber(service.subscriber())
                .build()
                .drain();
        service.drain(5);
        MimeMessage sent = MAIL.getReceivedMessagesForDomain("exemple.fr")[0];
        return ((InternetAddress) sent.getReplyTo()[0]).getAddress();
    }

    @Test
    void aReplyToTheNotificationIsThreadedIntoItsRequestWithItsAttachment() throws Exception {
        String replyTo = notificationReplyTo();
        byte[] pdf = "%PDF-1.7 justificatif".getBytes(StandardCharsets.US_ASCII);
        mairieUser.deliver(reply(
                LEA.value(), replyTo, "Re: Pièces complémentaires", "Voici le justificatif.", pdf, "justificatif.pdf"));

        ImapMailbox.PollReport report = mailbox.poll(T, processor, 10);

        assertThat(report.results()).singleElement().isInstanceOfSatisfying(InboundResult.Threaded.class, t -> {
            assertThat(t.request()).isEqualTo(request);
            assertThat(t.reply().from()).isEqualTo(lea);
            assertThat(t.reply().text()).contains("Voici le justificatif.");
            assertThat(t.reply().attachments())
                    .extracting(AttachmentScreen.Accepted::documentRef)
                    .containsExactly("doc:justificatif.pdf");
        });
        assertThat(threads.replies).hasSize(1);
        assertThat(screened).containsExactly("justificatif.pdf");
        assertThat(count("INBOX")).isZero();
        assertThat(count("OpenGRU-traite")).isEqualTo(1);
    }

    @Test
    void aTokenInTheSubjectThreadsAReplySentThroughSmtp() throws Exception {
        String subject = "Re: votre demande " + tokens.subjectTag(T, request);
        MimeMessage sent = reply(LEA.value(), MAIRIE.value(), subject, "Bonjour, une question.", null, null);
        try (Transport smtp = Session.getInstance(new Properties()).getTransport("smtp")) {
            smtp.connect("127.0.0.1", MAIL.getSmtp().getPort(), null, null);
            smtp.sendMessage(sent, sent.getAllRecipients());
        }
        assertThat(MAIL.waitForIncomingEmail(5000, 1)).isTrue();

        ImapMailbox.PollReport report = mailbox.poll(T, processor, 10);

        assertThat(report.results()).singleElement().isInstanceOf(InboundResult.Threaded.class);
        assertThat(threads.replies)
                .extracting(RequestThreads.InboundReply::text)
                .containsExactly("Bonjour, une question.");
    }

    @Test
    void aForgedTokenIsQuarantinedNeverThreaded() throws Exception {
        String token = tokens.token(T, request);
        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a');
        // tag::forged[]
        mairieUser.deliver(
                reply(LEA.value(), "mairie+" + forged + "@commune-test.fr", "Re: demande", "Texte", null, null));

        ImapMailbox.PollReport report = mailbox.poll(T, processor, 10);

        assertThat(report.results()).singleElement().isInstanceOfSatisfying(InboundResult.Quarantined.class, q -> {
            assertThat(q.reason()).isInstanceOf(ForgedReplyTokenException.class);
            assertThat(q.contact().status()).isEqualTo(ContactStatus.QUARANTINED);
            assertThat(q.contact().request()).isNull();
        });
        assertThat(threads.replies).isEmpty();
        assertThat(contacts.withStatus(T, ContactStatus.QUARANTINED, 10)).hasSize(1);
        assertThat(count("OpenGRU-quarantaine")).isEqualTo(1); // kept whole: nothing lost
        // end::forged[]
    }

    @Test
    void aValidTokenFromAnotherSenderIsQuarantined() throws Exception {
        mairieUser.deliver(reply(
                "mallory@exemple.org", tokens.replyAddress(T, request, MAIRIE).value(), "Re", "x", null, null));
        ImapMailbox.PollReport report = mailbox.poll(T, processor, 10);
        assertThat(report.results())
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundResult.Quarantined.class,
                        q -> assertThat(q.reason())
                                .isInstanceOf(SuspiciousMailException.class)
                                .hasMessageContaining("mallory@exemple.org"));
        assertThat(threads.replies).isEmpty();
    }

    @Test
    void anOversizedAttachmentIsQuarantinedWithItsMail() throws Exception {
        mairieUser.deliver(reply(
                LEA.value(),
                tokens.replyAddress(T, request, MAIRIE).value(),
                "Re",
                "scan",
                new byte[6000],
                "scan.pdf"));
        ImapMailbox.PollReport report = mailbox.poll(T, processor, 10);
        assertThat(report.results()).singleElement().isInstanceOfSatisfying(InboundResult.Quarantined.class, q -> {
            assertThat(q.reason()).isInstanceOf(OversizedAttachmentException.class);
            assertThat(((OversizedAttachmentException) q.reason()).limit()).isEqualTo(4096);
        });
        assertThat(threads.replies).isEmpty();
        assertThat(screened).isEmpty();
        assertThat(count("OpenGRU-quarantaine")).isEqualTo(1);
    }

    @Test
    void aRefusedAttachmentIsQuarantined() throws Exception {
        mairieUser.deliver(reply(
                LEA.value(), tokens.replyAddress(T, request, MAIRIE).value(), "Re", "x", new byte[10], "facture.exe"));
        assertThat(mailbox.poll(T, processor, 10).results())
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundResult.Quarantined.class,
                        q -> assertThat(q.reason()).isInstanceOf(AttachmentRejectedException.class));
    }

    @Test
    void mailWithoutTokenBecomesAContactToTriageLinkedToAKnownSender() throws Exception {
        mairieUser.deliver(reply(LEA.value(), MAIRIE.value(), "Question sur la cantine", "Bonjour", null, null));
        mairieUser.deliver(reply("inconnu@exemple.org", MAIRIE.value(), "Bruit rue des Lilas", "Bonjour", null, null));

        List<InboundResult> results =
                new ArrayList<>(mailbox.poll(T, processor, 10).results());

        assertThat(results).allMatch(r -> r instanceof InboundResult.Triage);
        assertThat(contacts.withStatus(T, ContactStatus.TO_TRIAGE, 10))
                .extracting(c -> c.subject(), c -> c.usager())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Question sur la cantine", lea),
                        org.assertj.core.groups.Tuple.tuple("Bruit rue des Lilas", null));
        assertThat(threads.replies).isEmpty();
    }

    @Test
    void failedSenderAuthenticationIsQuarantined() throws Exception {
        MimeMessage m =
                reply(LEA.value(), tokens.replyAddress(T, request, MAIRIE).value(), "Re", "x", null, null);
        m.setHeader("Authentication-Results", "mx.commune-test.fr; spf=pass smtp.mailfrom=exemple.fr; dmarc=fail");
        m.saveChanges();
        mairieUser.deliver(m);
        assertThat(mailbox.poll(T, processor, 10).results())
                .singleElement()
                .isInstanceOf(InboundResult.Quarantined.class);
        assertThat(threads.replies).isEmpty();
    }

    @Test
    void aTechnicalFailureLeavesTheMailForTheNextPoll() throws Exception {
        mairieUser.deliver(
                reply(LEA.value(), tokens.replyAddress(T, request, MAIRIE).value(), "Re", "x", null, null));
        threads.down.set(true);
        ImapMailbox.PollReport failed = mailbox.poll(T, processor, 10);
        assertThat(failed.leftForRetry()).isEqualTo(1);
        assertThat(count("INBOX")).isEqualTo(1);

        threads.down.set(false);
        ImapMailbox.PollReport ok = mailbox.poll(T, processor, 10);
        assertThat(ok.results()).singleElement().isInstanceOf(InboundResult.Threaded.class);
        assertThat(threads.replies).hasSize(1);
    }

    @Test
    void theSameMailProcessedTwiceGivesOneContact() {
        InboundMail m = new InboundMail(
                "<abc@exemple.fr>",
                LEA.value(),
                List.of(MAIRIE.value()),
                "Question",
                "Bonjour",
                List.of(),
                clock.instant(),
                null,
                null);
        processor.process(T, m);
        processor.process(T, m);
        assertThat(contacts.withStatus(T, ContactStatus.TO_TRIAGE, 10)).hasSize(1);
        InboundMail noFrom = new InboundMail(
                "<def@exemple.fr>",
                "pas une adresse",
                List.of(MAIRIE.value()),
                "x",
                "y",
                List.of(),
                clock.instant(),
                null,
                null);
        assertThat(processor.process(T, noFrom)).isInstanceOf(InboundResult.Quarantined.class);
    }
}
