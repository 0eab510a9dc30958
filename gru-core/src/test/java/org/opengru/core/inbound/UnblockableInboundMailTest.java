package org.opengru.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.Condition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengru.core.contact.ContactId;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.contact.ContactRecord;
import org.opengru.core.contact.ContactStatus;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.exchange.Message;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.inbound.imap.ImapMailbox;
import org.opengru.core.testing.CoreFixture;
import org.opengru.core.testing.TestMails;

/**
 * Nothing a mail contains can hold the mailbox up (issue 25, item 1): replies the request's thread refuses
 * are quarantined with their reason, a mail that keeps failing for a technical reason is retried a bounded
 * number of times, and neither holds back the mails behind it. A real IMAP server (GreenMail) and a real
 * gru-core request thread.
 */
class UnblockableInboundMailTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    InboundFixture in;
    CoreFixture f;
    GreenMailUser mairie;
    FlakyThreads threads;
    final FlakyContacts contacts = new FlakyContacts();
    InboundMailProcessor processor;
    ImapMailbox mailbox;

    /** gru-core's request threads, which a test may break: down for every mail, or for one subject. */
    final class FlakyThreads implements RequestThreads {
        final AtomicBoolean down = new AtomicBoolean();

        @Nullable
        String failingSubject;

        @Nullable
        String refusedSubject;

        final RequestThreads real = in.threads();

        @Override
        public Optional<Correspondent> correspondent(org.opengru.core.tenancy.TenantId tenant, RequestId r) {
            return real.correspondent(tenant, r);
        }

        @Override
        public void appendReply(org.opengru.core.tenancy.TenantId tenant, RequestId r, InboundReply reply) {
            if (down.get() || reply.subject().equals(failingSubject)) {
                throw new IllegalStateException("connection to the database lost");
            }
            if (reply.subject().equals(refusedSubject)) {
                throw new AccessDeniedException("usager", "write into", "archived request", r.toString());
            }
            real.appendReply(tenant, r, reply);
        }
    }

    /** The contact log, which a test may take down with the database. */
    static final class FlakyContacts implements ContactLog {
        final ContactLog real = ContactLog.inMemory();
        final AtomicBoolean down = new AtomicBoolean();

        @Override
        public ContactRecord add(ContactRecord contact) {
            if (down.get()) {
                throw new IllegalStateException("connection to the database lost");
            }
            return real.add(contact);
        }

        @Override
        public Optional<ContactRecord> find(org.opengru.core.tenancy.TenantId tenant, ContactId id) {
            return real.find(tenant, id);
        }

        @Override
        public void update(ContactRecord contact) {
            real.update(contact);
        }

        @Override
        public List<ContactRecord> byUsager(
                org.opengru.core.tenancy.TenantId tenant, UsagerId usager, @Nullable ContactRecord after, int limit) {
            return real.byUsager(tenant, usager, after, limit);
        }

        @Override
        public List<ContactRecord> byRequest(org.opengru.core.tenancy.TenantId tenant, RequestId r) {
            return real.byRequest(tenant, r);
        }

        @Override
        public List<ContactRecord> withStatus(
                org.opengru.core.tenancy.TenantId tenant, ContactStatus status, int limit) {
            return real.withStatus(tenant, status, limit);
        }

        @Override
        public int eraseUsager(org.opengru.core.tenancy.TenantId tenant, UsagerId usager) {
            return real.eraseUsager(tenant, usager);
        }
    }

    @BeforeEach
    void setUp() {
        in = new InboundFixture(MAIL);
        f = in.f;
        mairie = in.mairie;
        threads = new FlakyThreads();
        processor = in.processor(threads, contacts).build();
        mailbox = in.mailbox(3);
    }

    String replyAddress() {
        return in.replyAddress();
    }

    void deliver(String subject, String text, List<String> files) throws Exception {
        in.deliver(subject, text, files);
    }

    List<Message> thread() {
        return in.thread();
    }

    int count(String folder) throws Exception {
        return in.count(folder);
    }

    static Condition<@Nullable String> containing(String part) {
        return new Condition<>(r -> r != null && r.contains(part), "containing " + part);
    }

    @Test
    void refusedRepliesNeverHoldBackTheValidReplyBehindThem() throws Exception {
        List<String> twentyOne = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            twentyOne.add("piece-" + i + ".pdf");
        }
        for (int i = 0; i < 4; i++) {
            deliver("Re: 21 pièces " + i, "Voici les pièces.", twentyOne);
            deliver("Re: un chemin " + i, "Voici la pièce.", List.of("scans/justificatif.pdf"));
            deliver("Re: un long nom " + i, "Voici la pièce.", List.of("a".repeat(296) + ".pdf"));
        }
        deliver("Re: la bonne", "Voici le plan de la terrasse.", List.of("plan.pdf"));

        List<InboundResult> results = new ArrayList<>();
        // tag::poll[]
        for (int poll = 0; poll < 3; poll++) {
            results.addAll(mailbox.poll(f.tenant, processor, 5).results());
        }

        assertThat(thread()).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("Voici le plan de la terrasse.");
            assertThat(m.attachments())
                    .singleElement()
                    .satisfies(a -> assertThat(a.fileName()).isEqualTo("plan.pdf"));
        });
        assertThat(results)
                .filteredOn(InboundResult.Quarantined.class::isInstance)
                .hasSize(12);
        assertThat(contacts.withStatus(f.tenant, ContactStatus.QUARANTINED, 20))
                .extracting(ContactRecord::reason)
                .haveExactly(4, containing("21 attachments"))
                .haveExactly(4, containing("scans/justificatif.pdf"))
                .haveExactly(4, containing("longer than 255"));
        // end::poll[]
        assertThat(in.screened).containsExactly("plan.pdf"); // nothing of a refused reply reaches the vault
        assertThat(count("INBOX")).isZero();
        assertThat(count("OpenGRU-quarantaine")).isEqualTo(12);
        assertThat(count("OpenGRU-traite")).isEqualTo(1);
    }

    @Test
    void aMailThatKeepsFailingIsRetriedABoundedNumberOfTimesThenQuarantinedWithoutHoldingBackTheNext()
            throws Exception {
        threads.failingSubject = "Re: la panne";
        deliver("Re: la panne", "Ce message fait toujours échouer la base.", List.of());
        deliver("Re: la bonne", "Voici le plan de la terrasse.", List.of());

        ImapMailbox.PollReport first = mailbox.poll(f.tenant, processor, 1);
        assertThat(first.results()).isEmpty();
        assertThat(first.leftForRetry()).isEqualTo(1);

        // The count of failures lives in the mailbox: another node (or a restart) goes on counting.
        mailbox = in.mailbox(3);
        ImapMailbox.PollReport second = mailbox.poll(f.tenant, processor, 1); // the fresh mail goes first
        assertThat(second.results()).singleElement().isInstanceOf(InboundResult.Threaded.class);
        assertThat(thread()).extracting(Message::body).containsExactly("Voici le plan de la terrasse.");

        assertThat(mailbox.poll(f.tenant, processor, 1).leftForRetry()).isEqualTo(1); // second failure
        ImapMailbox.PollReport last = mailbox.poll(f.tenant, processor, 1); // third: the bound
        assertThat(last.results()).singleElement().isInstanceOfSatisfying(InboundResult.Quarantined.class, q -> {
            assertThat(q.reason())
                    .isInstanceOf(ProcessingFailedException.class)
                    .hasMessageContaining("3 times")
                    .hasMessageContaining("connection to the database lost");
            assertThat(q.contact().status()).isEqualTo(ContactStatus.QUARANTINED);
        });
        assertThat(count("INBOX")).isZero();
        assertThat(count("OpenGRU-quarantaine")).isEqualTo(1);
        assertThat(mailbox.poll(f.tenant, processor, 1).results()).isEmpty();
    }

    @Test
    void whenEvenTheQuarantineCannotBeRecordedTheMailLandsInTheQuarantineFolderWithItsReason() throws Exception {
        threads.down.set(true);
        contacts.down.set(true);
        deliver("Re: un", "Premier.", List.of());
        deliver("Re: deux", "Deuxième.", List.of());
        deliver("Re: trois", "Troisième.", List.of());

        // Two technical failures in a row: the database is probably down, the rest waits uncharged.
        assertThat(mailbox.poll(f.tenant, processor, 10).leftForRetry()).isEqualTo(2);
        int withoutContact = 0;
        for (int i = 0; i < 5; i++) {
            withoutContact += mailbox.poll(f.tenant, processor, 10).quarantinedWithoutContact();
        }

        assertThat(count("INBOX")).isZero();
        List<MimeMessage> quarantined = TestMails.messages(MAIL, "mairie", "secret", "OpenGRU-quarantaine");
        assertThat(quarantined)
                .hasSize(3)
                .allSatisfy(m -> assertThat(m.getHeader("X-OpenGRU-Quarantine", null))
                        .contains("3 times")
                        .contains("connection to the database lost"));
        assertThat(quarantined)
                .extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("Re: un", "Re: deux", "Re: trois");
        assertThat(withoutContact).isEqualTo(3);
        assertThat(thread()).isEmpty();
    }

    @Test
    void aTechnicalFailureAloneIsRetriedAndTheReplyThreadedOnce() throws Exception {
        threads.down.set(true);
        deliver("Re: plan", "Voici le plan.", List.of("plan.pdf"));
        assertThat(mailbox.poll(f.tenant, processor, 10).leftForRetry()).isEqualTo(1);
        assertThat(count("INBOX")).isEqualTo(1);

        threads.down.set(false);
        assertThat(mailbox.poll(f.tenant, processor, 10).results())
                .singleElement()
                .isInstanceOf(InboundResult.Threaded.class);
        assertThat(thread()).extracting(Message::body).containsExactly("Voici le plan.");
        assertThat(count("OpenGRU-traite")).isEqualTo(1);
    }

    @Test
    void aMailThatCannotBeReadIsQuarantinedAtOnceNeverRetried() throws Exception {
        mairie.deliver(TestMails.raw("""
                From: claire.martin@exemple.fr
                To: %s
                Subject: Re: sans frontière
                Message-ID: <sans-frontiere@exemple.fr>
                MIME-Version: 1.0
                Content-Type: multipart/mixed

                Aucune frontière de partie ici.
                """.formatted(replyAddress())));
        mairie.deliver(TestMails.raw("""
                From: claire.martin@exemple.fr
                To: %s
                Subject: Re: identifiant démesuré
                Message-ID: <%s@exemple.fr>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Bonjour.
                """.formatted(replyAddress(), "x".repeat(1200))));

        ImapMailbox.PollReport report = mailbox.poll(f.tenant, processor, 10);

        assertThat(report.leftForRetry()).isZero();
        assertThat(report.results()).hasSize(2);
        assertThat(report.results())
                .filteredOn(InboundResult.Quarantined.class::isInstance)
                .singleElement()
                .satisfies(r -> assertThat(((InboundResult.Quarantined) r).reason())
                        .isInstanceOf(MalformedMailException.class));
        // A Message-ID too long to be a key: the mail is keyed by its digest and goes through.
        assertThat(thread()).extracting(Message::body).containsExactly("Bonjour.");
        assertThat(count("INBOX")).isZero();
    }

    @Test
    void aReplyTheThreadRefusesForAReasonOfItsOwnIsQuarantinedAtOnce() throws Exception {
        threads.refusedSubject = "Re: archivée";
        deliver("Re: archivée", "Encore une question.", List.of());

        ImapMailbox.PollReport report = mailbox.poll(f.tenant, processor, 10);

        assertThat(report.leftForRetry()).isZero();
        assertThat(report.results()).singleElement().isInstanceOfSatisfying(InboundResult.Quarantined.class, q -> {
            assertThat(q.reason()).isInstanceOf(ReplyRefusedException.class);
            assertThat(q.reason().getCause()).isInstanceOf(AccessDeniedException.class);
        });
        assertThat(count("OpenGRU-quarantaine")).isEqualTo(1);
    }

    @Test
    void aMediaTypeWrittenInCapitalsIsTheThreadsLowerCaseOne() throws Exception {
        mairie.deliver(TestMails.raw("""
                From: claire.martin@exemple.fr
                To: %s
                Subject: Re: le plan
                Message-ID: <plan-majuscules@exemple.fr>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="P"

                --P
                Content-Type: text/plain; charset=UTF-8

                Voici le plan.
                --P
                Content-Type: Application/PDF; name="plan.pdf"
                Content-Disposition: attachment; filename="plan.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjcK
                --P--
                """.formatted(replyAddress())));

        assertThat(mailbox.poll(f.tenant, processor, 10).results())
                .singleElement()
                .isInstanceOf(InboundResult.Threaded.class);
        assertThat(thread())
                .singleElement()
                .satisfies(m -> assertThat(m.attachments())
                        .singleElement()
                        .satisfies(a -> assertThat(a.mediaType()).isEqualTo("application/pdf")));
    }
}
