package org.opengru.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.EventId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.notification.email.SmtpEmailSender;
import org.opengru.core.notification.inbox.InAppSender;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.notification.sms.HttpSmsGateway;
import org.opengru.core.notification.sms.LoopbackSmsEndpoint;
import org.opengru.core.notification.sms.SmsSender;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.testing.CoreFixture;
import org.opengru.core.testing.TestMails;
import org.opengru.core.usager.Attested;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.usager.Person;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;

/**
 * How notices address the resident (issue 25, item 5), through a real SMTP server (GreenMail) and a real
 * SMS endpoint on loopback: by name, in messages whose Message-ID is the commune's, and SMS kept out of
 * the commune's quiet hours for residents who set none.
 */
class NoticeAddressingTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final EmailAddress CLAIRE = EmailAddress.parse("claire.martin@exemple.fr");

    final CoreFixture f = new CoreFixture();
    final Outbox outbox = Outbox.inMemory(f.clock, Set.of(NotificationService.SUBSCRIBER));
    final InboxStore inbox = InboxStore.inMemory();
    final LoopbackSmsEndpoint sms = new LoopbackSmsEndpoint();
    final RequestNotices notices =
            new RequestNotices("https://portail.ville-test.fr/demandes/", ZoneId.of("Europe/Paris"));

    @AfterEach
    void stop() {
        sms.close();
    }

    NotificationService.Builder service() {
        return NotificationService.builder(f.clock, outbox)
                .sender(new SmtpEmailSender(
                        TestMails.smtp(
                                MAIL, EmailAddress.parse("ne-pas-repondre@ville-test.fr"), "Mairie de Ville-Test"),
                        f.clock))
                .sender(new SmsSender(new HttpSmsGateway(sms.uri(), "token", Duration.ofSeconds(5)), "MAIRIE", 3))
                .sender(new InAppSender(inbox));
    }

    /** Claire's contact details: the channels she chose, her e-mail and mobile, consent given. */
    void claireChooses(NotificationChannel... channels) {
        Person claire = (Person) f.core.usagers().find(f.tenant, f.parent).orElseThrow();
        f.core.usagers()
                .save(claire.withContact(new Contact(
                        Attested.declared(CLAIRE, f.clock.instant()),
                        Attested.declared(PhoneNumber.parse("06 12 34 56 78"), f.clock.instant()),
                        null,
                        Set.of(channels),
                        f.clock.instant())));
    }

    void pump(NotificationService service) {
        OutboxRelay.builder(outbox, f.clock)
                .subscriber(service.subscriber())
                .build()
                .drain();
        service.drain(5);
    }

    static String text(MimeMessage m) throws Exception {
        Multipart body = (Multipart) m.getContent();
        Multipart alternative = body.getBodyPart(0).isMimeType("multipart/alternative")
                ? (Multipart) body.getBodyPart(0).getContent()
                : body;
        return (String) alternative.getBodyPart(0).getContent();
    }

    UsagerNotice expiring() {
        return new UsagerNotice(
                EventId.of(UUID.randomUUID()),
                f.tenant,
                f.parent,
                NotificationKind.DOCUMENT_EXPIRING,
                f.clock.instant(),
                Map.of("documentName", "Justificatif de domicile", "expiresOn", "16 février 2026"),
                List.of());
    }

    Request submitAndAskForAPiece() {
        Request draft = f.core.requests()
                .create(
                        f.parentP,
                        NewRequest.of("autorisation-terrasse", f.parent, Channel.WEB, FormData.of("surface", 12)),
                        null);
        Request sent = f.core.requests().submit(f.parentP, draft.id(), IdempotencyKey.of("submit-" + draft.id()));
        f.core.requests().startReview(f.agent, sent.id(), null);
        f.core.requests()
                .requestComplement(
                        f.agent,
                        sent.id(),
                        "Plan manquant",
                        List.of("Plan de la terrasse"),
                        LocalDate.of(2026, 2, 16),
                        null);
        return sent;
    }

    @Test
    void theRequestNoticesGreetTheApplicantByNameInMailsWithTheCommunesMessageId() throws Exception {
        claireChooses(NotificationChannel.EMAIL);
        NotificationService service =
                service().usagers(f.core.usagers()).strictRendering().build();
        f.core.events().subscribeAll(notices.listener(f.core.requestStore(), service));

        submitAndAskForAPiece();
        pump(service);

        MimeMessage[] mails = MAIL.getReceivedMessages();
        assertThat(mails).hasSize(2);
        for (MimeMessage m : mails) {
            assertThat(text(m)).matches("(?s)Bonjour Claire Martin,\\R.*");
            assertThat(m.getMessageID()).matches("<[0-9a-f-]{36}@ville-test\\.fr>");
        }
        assertThat(service.history(f.tenant, f.parent, null, 10))
                .extracting(n -> n.attempts().get(0).providerId())
                .containsExactlyInAnyOrder(mails[0].getMessageID(), mails[1].getMessageID());
    }

    @Test
    void aMissingValueFailsTheRenderingTestNotTheResidentsMail() throws Exception {
        claireChooses(NotificationChannel.EMAIL);
        UsagerNotice expiring = expiring();

        // The test that renders notices strictly names the value its producer forgot.
        // tag::strict[]
        NotificationService strict = service().strictRendering().build();
        assertThatThrownBy(() -> strict.enqueue(expiring))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("notice.variables.usagerName");
        // end::strict[]

        // The resident's mail never shows the gap: the greeting closes up.
        NotificationPreferenceStore prefs = NotificationPreferenceStore.inMemory();
        prefs.save(new NotificationPreferences(
                f.tenant,
                f.parent,
                List.of(NotificationChannel.EMAIL),
                CLAIRE,
                null,
                null,
                null,
                null,
                LanguageRegister.STANDARD));
        NotificationService lenient = service().preferences(prefs).build(); // knows no names
        lenient.enqueue(expiring);
        pump(lenient);
        assertThat(text(MAIL.getReceivedMessages()[0]))
                .matches("(?s)Bonjour,\\R\\RVotre justificatif .*")
                .doesNotContain(" ,");
    }

    @Test
    void preferencesDerivedFromContactDetailsGetTheCommunesQuietHours() {
        claireChooses(NotificationChannel.SMS);
        // tag::quiet-hours[]
        NotificationService service = service()
                .usagers(f.core.usagers())
                .communeDefaults(new CommuneDefaults(
                        "Ville-Test", QuietHours.paris(LocalTime.of(21, 0), LocalTime.of(8, 0)), ""))
                .build();
        // end::quiet-hours[]
        f.clock.set(Instant.parse("2026-01-15T21:30:00Z")); // 22:30 in Paris

        service.enqueue(expiring());
        pump(service);

        assertThat(sms.received()).isEmpty();
        Notification waiting = service.history(f.tenant, f.parent, null, 1).get(0);
        assertThat(waiting.attempts())
                .extracting(DeliveryAttempt::outcome)
                .containsExactly(DeliveryAttempt.Outcome.DEFERRED);
        assertThat(waiting.nextAttemptAt()).isEqualTo(Instant.parse("2026-01-16T07:00:00Z"));

        f.clock.set(Instant.parse("2026-01-16T07:00:00Z"));
        service.drain(5);
        assertThat(sms.received())
                .singleElement()
                .satisfies(r -> assertThat(r.body()).contains("Ville-Test : Justificatif de domicile expire"));
    }
}
