package org.opengru.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.contact.ContactRecord;
import org.opengru.core.contact.ContactStatus;
import org.opengru.core.exchange.Message;
import org.opengru.core.id.EventId;
import org.opengru.core.inbound.imap.ImapMailbox;
import org.opengru.core.notification.Attachment;
import org.opengru.core.notification.DeliveryAttempt;
import org.opengru.core.notification.Notification;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.notification.NotificationStatus;
import org.opengru.core.notification.RequestNotice;
import org.opengru.core.notification.email.SmtpEmailSender;
import org.opengru.core.notification.inbox.InAppSender;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.testing.TestMails;
import org.opengru.core.usager.NotificationChannel;

/**
 * Mail written by machines (issue 25, item 2), through a real SMTP and IMAP server (GreenMail): Claire's
 * out-of-office answer to a notification stays out of her request's thread, and the bounce of a
 * notification e-mail moves the notification on to the in-app inbox.
 */
class AutoRepliesAndBouncesTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    InboundFixture in;
    final ContactLog contacts = ContactLog.inMemory();
    final InboxStore inbox = InboxStore.inMemory();
    NotificationService notifications;
    OutboxRelay relay;
    InboundMailProcessor processor;
    ImapMailbox mailbox;

    @BeforeEach
    void setUp() {
        in = new InboundFixture(MAIL);
        Outbox outbox = Outbox.inMemory(in.f.clock, Set.of(NotificationService.SUBSCRIBER));
        notifications = NotificationService.builder(in.f.clock, outbox)
                .usagers(in.f.core.usagers()) // Claire chose e-mail: e-mail, then the in-app inbox
                .sender(new SmtpEmailSender(
                        TestMails.smtp(MAIL, InboundFixture.MAIRIE, "Mairie de Ville-Test"),
                        in.f.clock,
                        in.tokens.replyTo(InboundFixture.MAIRIE)))
                .sender(new InAppSender(inbox))
                .build();
        relay = OutboxRelay.builder(outbox, in.f.clock)
                .subscriber(notifications.subscriber())
                .build();
        processor = in.processor(in.threads(), contacts)
                .bounces(notifications::recordBounce)
                .build();
        mailbox = in.mailbox(3);
    }

    /** Tells Claire by e-mail that an agent wrote to her; returns the e-mail as her server received it. */
    MimeMessage notifyClaire() {
        notifications.enqueue(new RequestNotice(
                EventId.of(UUID.randomUUID()),
                in.f.tenant,
                in.f.parent,
                NotificationKind.AGENT_MESSAGE,
                in.f.clock.instant(),
                in.request.id(),
                Map.of(
                        "reference",
                        in.request.reference().toString(),
                        "portalLink",
                        "https://portail.ville-test.fr/demandes/" + in.request.id()),
                List.<Attachment>of()));
        relay.drain();
        notifications.drain(5);
        MimeMessage[] received = MAIL.getReceivedMessagesForDomain("exemple.fr");
        assertThat(received).hasSize(1);
        return received[0];
    }

    Notification theNotification() {
        return notifications.history(in.f.tenant, in.f.parent, null, 10).get(0);
    }

    MimeMessage answer(String replyTo, String subject, String text, String header, String value) throws Exception {
        MimeMessage m = TestMails.reply(InboundFixture.CLAIRE.value(), replyTo, subject, text, List.of());
        if (header != null) {
            m.setHeader(header, value);
        }
        return m;
    }

    /** A bounce as Postfix writes it: the report, then the headers of the returned message. */
    static String bounce(String dsnId, MimeMessage returned) throws Exception {
        String headers = String.join("\n", Collections.list(returned.getAllHeaderLines()));
        return """
                From: MAILER-DAEMON@mx.exemple.fr (Mail Delivery System)
                To: mairie@ville-test.fr
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                Message-ID: <%s@mx.exemple.fr>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                \tboundary="B0UND"

                --B0UND
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host mx.exemple.fr.
                I'm sorry to have to inform you that your message could not be delivered.

                --B0UND
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.exemple.fr
                Arrival-Date: Thu, 15 Jan 2026 10:30:02 +0100 (CET)

                Final-Recipient: rfc822; claire.martin@exemple.fr
                Original-Recipient: rfc822;claire.martin@exemple.fr
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <claire.martin@exemple.fr>: Recipient address
                    rejected: User unknown in virtual mailbox table

                --B0UND
                Content-Type: text/rfc822-headers

                %s

                --B0UND--
                """.formatted(dsnId, headers);
    }

    @Test
    void outOfOfficeAndBulkAnswersStayOutOfTheThreadAndAreShownToAgentsAsSuch() throws Exception {
        MimeMessage sent = notifyClaire();
        String replyTo = ((InternetAddress) sent.getReplyTo()[0]).getAddress();
        in.mairie.deliver(answer(
                replyTo,
                "Réponse automatique : absente",
                "Je suis absente jusqu'au 20 mars.",
                "Auto-Submitted",
                "auto-replied"));
        in.mairie.deliver(answer(replyTo, "Lettre d'information", "Nos offres.", "Precedence", "bulk"));
        in.mairie.deliver(answer(replyTo, "Absent", "Absent du bureau.", "X-Autoreply", "yes"));
        in.mairie.deliver(answer(replyTo, "Re: votre message", "Merci, je passe lundi.", "Auto-Submitted", "no"));

        List<InboundResult> results = mailbox.poll(in.f.tenant, processor, 10).results();

        assertThat(in.thread()).extracting(Message::body).containsExactly("Merci, je passe lundi.");
        assertThat(results)
                .filteredOn(InboundResult.Automatic.class::isInstance)
                .hasSize(3);
        List<ContactRecord> automatic = contacts.withStatus(in.f.tenant, ContactStatus.AUTOMATIC, 10);
        assertThat(automatic)
                .extracting(ContactRecord::reason)
                .containsExactlyInAnyOrder(
                        "automatic reply (Auto-Submitted: auto-replied)",
                        "automatic reply (Precedence: bulk)",
                        "automatic reply (X-Autoreply: yes)");
        assertThat(automatic).allSatisfy(c -> {
            assertThat(c.request()).isEqualTo(in.request.id()); // on the request's page, not in its thread
            assertThat(c.usager()).isEqualTo(in.f.parent);
        });
        assertThat(contacts.withStatus(in.f.tenant, ContactStatus.TO_TRIAGE, 10))
                .isEmpty();
        assertThat(in.count("INBOX")).isZero();
    }

    @Test
    void aBounceMarksTheEmailFailedAndTheNotificationFallsBackToTheInbox() throws Exception {
        MimeMessage sent = notifyClaire();
        assertThat(theNotification().status()).isEqualTo(NotificationStatus.SENT);
        in.mairie.deliver(TestMails.raw(bounce("dsn-1", sent)));

        List<InboundResult> results = mailbox.poll(in.f.tenant, processor, 10).results();

        assertThat(results).singleElement().isInstanceOfSatisfying(InboundResult.Bounced.class, b -> {
            assertThat(b.notification().id()).isEqualTo(theNotification().id());
            assertThat(b.contact().status()).isEqualTo(ContactStatus.AUTOMATIC);
            assertThat(b.contact().usager()).isEqualTo(in.f.parent);
            assertThat(b.contact().request()).isEqualTo(in.request.id());
            assertThat(b.contact().reason()).contains("5.1.1", "User unknown");
        });
        // tag::bounce[]
        Notification bounced = theNotification();
        assertThat(bounced.status()).isEqualTo(NotificationStatus.QUEUED);
        assertThat(bounced.currentChannel()).isEqualTo(NotificationChannel.PORTAL);
        // end::bounce[]
        assertThat(bounced.attempts())
                .extracting(DeliveryAttempt::channel, DeliveryAttempt::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(NotificationChannel.EMAIL, DeliveryAttempt.Outcome.SENT),
                        org.assertj.core.groups.Tuple.tuple(
                                NotificationChannel.EMAIL, DeliveryAttempt.Outcome.BOUNCED));

        notifications.drain(5);
        assertThat(theNotification().status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(inbox.unreadCount(in.f.tenant, in.f.parent)).isEqualTo(1);
        assertThat(in.thread()).isEmpty();

        // The same report read again (another copy, a crash before the move) falls back no further.
        in.mairie.deliver(TestMails.raw(bounce("dsn-1", sent)));
        assertThat(mailbox.poll(in.f.tenant, processor, 10).results())
                .singleElement()
                .isInstanceOf(InboundResult.Bounced.class);
        assertThat(theNotification().attempts()).hasSize(3);
        assertThat(contacts.withStatus(in.f.tenant, ContactStatus.AUTOMATIC, 10))
                .hasSize(1);
    }

    @Test
    void aReportOnNoNotificationOfOursIsKeptAsAnAutomaticContact() throws Exception {
        MimeMessage stranger = TestMails.reply("mairie@ville-test.fr", "x@exemple.fr", "Autre", "x", List.of());
        stranger.setHeader("Message-ID", "<envoi-manuel-1@ville-test.fr>");
        in.mairie.deliver(TestMails.raw(bounce("dsn-2", stranger)));

        assertThat(mailbox.poll(in.f.tenant, processor, 10).results())
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundResult.Automatic.class,
                        a -> assertThat(a.why())
                                .startsWith("delivery status notification: claire.martin@exemple.fr failed 5.1.1"));
        assertThat(contacts.withStatus(in.f.tenant, ContactStatus.TO_TRIAGE, 10))
                .isEmpty();
    }
}
