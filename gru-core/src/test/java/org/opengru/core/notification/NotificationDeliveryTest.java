package org.opengru.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.inbound.ReplyTokens;
import org.opengru.core.notification.email.SmtpEmailSender;
import org.opengru.core.notification.email.SmtpSettings;
import org.opengru.core.notification.inbox.InAppSender;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.notification.sms.HttpSmsGateway;
import org.opengru.core.notification.sms.LoopbackSmsEndpoint;
import org.opengru.core.notification.sms.SmsGateway;
import org.opengru.core.notification.sms.SmsSender;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.outbox.RetryPolicy;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.testing.MutableClock;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;

/**
 * End to end: notice → outbox → relay → store → channels, against a real SMTP server (GreenMail) and a
 * real HTTP SMS endpoint on loopback.
 */
class NotificationDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    static final TenantId T = TenantId.of("commune-test");
    static final EmailAddress MAIRIE = EmailAddress.parse("mairie@commune-test.fr");
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    final ReplyTokens tokens = new ReplyTokens(SECRET);
    final Outbox outbox = Outbox.inMemory(clock, Set.of(NotificationService.SUBSCRIBER));
    final InboxStore inbox = InboxStore.inMemory();
    final NotificationPreferenceStore prefs = NotificationPreferenceStore.inMemory();
    final LoopbackSmsEndpoint sms = new LoopbackSmsEndpoint();
    final UsagerId usager = UsagerId.of(UUID.randomUUID());
    final RequestId request = RequestId.of(UUID.randomUUID());

    NotificationStore store;
    NotificationService service;
    OutboxRelay relay;

    @BeforeEach
    void setUp() {
        wire(NotificationStore.inMemory(), new HttpSmsGateway(sms.uri(), "token", Duration.ofSeconds(5)), smtpPort());
    }

    @AfterEach
    void stop() {
        sms.close();
    }

    int smtpPort() {
        return MAIL.getSmtp().getPort();
    }

    void wire(NotificationStore s, SmsGateway gateway, int smtpPort) {
        store = s;
        SmtpSettings smtp = new SmtpSettings(
                "127.0.0.1",
                smtpPort,
                SmtpSettings.Security.NONE,
                null,
                null,
                MAIRIE,
                "Mairie de Test",
                Duration.ofSeconds(5));
        service = NotificationService.builder(clock, outbox)
                .store(store)
                .preferences(prefs)
                .sender(new SmtpEmailSender(smtp, clock, tokens.replyTo(MAIRIE)))
                .sender(new SmsSender(gateway, "MAIRIE", 3))
                .sender(new InAppSender(inbox))
                .retryPerChannel(new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(10)))
                .random(new Random(7))
                .build();
        relay = OutboxRelay.builder(outbox, clock)
                .subscriber(service.subscriber())
                .build();
    }

    void prefer(List<NotificationChannel> channels, @Nullable QuietHours quiet) {
        prefs.save(new NotificationPreferences(
                T,
                usager,
                channels,
                EmailAddress.parse("lea.martin@exemple.fr"),
                PhoneNumber.parse("06 12 34 56 78"),
                null,
                Instant.parse("2026-01-10T09:00:00Z"),
                quiet,
                LanguageRegister.STANDARD));
    }

    RequestNotice received(EventId event) {
        return new RequestNotice(
                event,
                T,
                usager,
                NotificationKind.REQUEST_RECEIVED,
                clock.instant(),
                request,
                Map.of(
                        "reference",
                        "7K3F-M9XA",
                        "procedure",
                        "Inscription scolaire",
                        "receivedOn",
                        "2 mars 2026",
                        "usagerName",
                        "Léa Martin"),
                List.of(new Attachment(
                        "accusé-réception.pdf", "application/pdf", "%PDF-1.7 ar".getBytes(StandardCharsets.US_ASCII))));
    }

    AppointmentNotice appointment(NotificationKind kind, AppointmentStatus status, Instant startsAt) {
        return new AppointmentNotice(
                EventId.of(UUID.randomUUID()),
                T,
                usager,
                kind,
                clock.instant(),
                "rdv-42",
                status,
                startsAt,
                Map.of("appointmentDate", startsAt.toString(), "place", "Mairie annexe", "previousDate", "-"),
                List.of());
    }

    /** Relays the outbox and runs delivery passes, moving the clock past every retry delay. */
    void pump(int rounds) {
        for (int i = 0; i < rounds; i++) {
            relay.drain();
            service.drain(10);
            clock.advance(Duration.ofMinutes(11));
        }
    }

    Notification only() {
        List<Notification> all = store.byUsager(T, usager, null, 10);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void requestReceivedGoesByEmailWithTextHtmlTheAcknowledgmentAndAThreadingReplyTo() throws Exception {
        prefer(List.of(NotificationChannel.EMAIL), null);
        service.enqueue(received(EventId.of(UUID.randomUUID())));
        assertThat(MAIL.getReceivedMessages()).isEmpty(); // only in the outbox until the relay runs

        pump(1);

        MimeMessage[] got = MAIL.getReceivedMessages();
        assertThat(got).hasSize(1);
        MimeMessage m = got[0];
        assertThat(m.getSubject()).isEqualTo("Accusé de réception de votre demande 7K3F-M9XA");
        assertThat(((InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress())
                .isEqualTo("lea.martin@exemple.fr");
        assertThat(m.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        String replyTo = ((InternetAddress) m.getReplyTo()[0]).getAddress();
        assertThat(replyTo).startsWith("mairie+r-").endsWith("@commune-test.fr");
        assertThat(tokens.verify(T, ReplyTokens.find(replyTo).orElseThrow())).isEqualTo(request);

        assertThat(m.isMimeType("multipart/mixed")).isTrue();
        Multipart mixed = (Multipart) m.getContent();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("Inscription scolaire", "7K3F-M9XA");
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("<p>", "Léa Martin");
        Part pdf = mixed.getBodyPart(1);
        assertThat(pdf.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(pdf.getFileName()))
                .isEqualTo("accusé-réception.pdf");
        assertThat(pdf.getInputStream().readAllBytes()).isEqualTo("%PDF-1.7 ar".getBytes(StandardCharsets.US_ASCII));

        Notification n = only();
        assertThat(n.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(n.deliveredOn()).isEqualTo(NotificationChannel.EMAIL);
        assertThat(n.attempts().get(0).providerId()).isEqualTo(m.getMessageID());
        assertThat(outbox.count(OutboxStatus.DELIVERED)).isEqualTo(1);
    }

    @Test
    void anSmsThatKeepsFailingFallsBackToEmail() {
        // tag::sms-retry[]
        prefer(List.of(NotificationChannel.SMS), null);
        sms.answer(503);
        service.enqueue(received(EventId.of(UUID.randomUUID())));

        pump(5);

        assertThat(sms.received()).hasSize(3); // the per-channel retry budget
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        // end::sms-retry[]
        Notification n = only();
        assertThat(n.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(n.attempts())
                .extracting(DeliveryAttempt::channel, DeliveryAttempt::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                NotificationChannel.SMS, DeliveryAttempt.Outcome.FAILED_TRANSIENT),
                        org.assertj.core.groups.Tuple.tuple(
                                NotificationChannel.SMS, DeliveryAttempt.Outcome.FAILED_TRANSIENT),
                        org.assertj.core.groups.Tuple.tuple(
                                NotificationChannel.SMS, DeliveryAttempt.Outcome.FAILED_TRANSIENT),
                        org.assertj.core.groups.Tuple.tuple(NotificationChannel.EMAIL, DeliveryAttempt.Outcome.SENT));
    }

    @Test
    void fallbackCheckCatchesAnSmsAdapterThatIgnoresHttpErrors() {
        // Broken variant: an adapter that reports every SMS as sent whatever the endpoint answers.
        SmsGateway real = new HttpSmsGateway(sms.uri(), "token", Duration.ofSeconds(5));
        wire(
                NotificationStore.inMemory(),
                message -> {
                    try {
                        return real.send(message);
                    } catch (RuntimeException e) {
                        return "pretend-ok";
                    }
                },
                smtpPort());
        prefer(List.of(NotificationChannel.SMS), null);
        sms.answer(503);
        service.enqueue(received(EventId.of(UUID.randomUUID())));
        pump(5);
        // The fallback test's own check fails against it: nothing reached the e-mail.
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRefusedSmsAndAnUnreachableMailServerEndInTheInAppInbox() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        wire(NotificationStore.inMemory(), new HttpSmsGateway(sms.uri(), "token", Duration.ofSeconds(5)), deadPort);
        prefer(List.of(NotificationChannel.SMS), null);
        sms.answer(400); // invalid number for the provider: permanent
        service.enqueue(received(EventId.of(UUID.randomUUID())));

        pump(5);

        Notification n = only();
        assertThat(n.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(n.deliveredOn()).isEqualTo(NotificationChannel.PORTAL);
        assertThat(sms.received()).hasSize(1);
        assertThat(n.attempts())
                .extracting(DeliveryAttempt::outcome)
                .containsExactly(
                        DeliveryAttempt.Outcome.FAILED_PERMANENT,
                        DeliveryAttempt.Outcome.FAILED_TRANSIENT,
                        DeliveryAttempt.Outcome.FAILED_TRANSIENT,
                        DeliveryAttempt.Outcome.FAILED_TRANSIENT,
                        DeliveryAttempt.Outcome.DELIVERED);
        assertThat(inbox.unreadCount(T, usager)).isEqualTo(1);
        assertThat(inbox.page(T, usager, null, 10).get(0).title()).contains("7K3F-M9XA");
    }

    @Test
    void theSameEventHandedTwiceGivesOneNotification() {
        prefer(List.of(NotificationChannel.EMAIL), null);
        EventId event = EventId.of(UUID.randomUUID());
        service.enqueue(received(event));
        service.enqueue(received(event));
        pump(2);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(store.byUsager(T, usager, null, 10)).hasSize(1);
    }

    @Test
    void deduplicationCheckCatchesAStoreThatIgnoresTheSourceKey() {
        // Broken variant: a store that gives each notification a fresh source event id.
        NotificationStore real = NotificationStore.inMemory();
        wire(
                new ForwardingStore(real) {
                    @Override
                    public boolean add(Notification n) {
                        return real.add(withSource(n, EventId.of(UUID.randomUUID())));
                    }
                },
                new HttpSmsGateway(sms.uri(), "token", Duration.ofSeconds(5)),
                smtpPort());
        prefer(List.of(NotificationChannel.EMAIL), null);
        EventId event = EventId.of(UUID.randomUUID());
        service.enqueue(received(event));
        service.enqueue(received(event));
        pump(2);
        assertThat(MAIL.getReceivedMessages()).hasSize(2); // the de-duplication check would fail
    }

    @Test
    void neverAReminderForACancelledAppointment() {
        prefer(List.of(NotificationChannel.EMAIL), null);
        Instant startsAt = Instant.parse("2026-03-05T09:00:00Z");
        // tag::suppressed[]
        service.enqueue(appointment(NotificationKind.APPOINTMENT_BOOKED, AppointmentStatus.BOOKED, startsAt));
        clock.advance(Duration.ofSeconds(1));
        service.enqueue(appointment(NotificationKind.APPOINTMENT_CANCELLED, AppointmentStatus.CANCELLED, startsAt));
        clock.advance(Duration.ofSeconds(1));
        // A scheduler that forgot the cancellation still asks for the reminder (RDV Service Public #3144).
        service.enqueue(appointment(NotificationKind.APPOINTMENT_REMINDER, AppointmentStatus.BOOKED, startsAt));
        pump(1);

        assertThat(MAIL.getReceivedMessages())
                .extracting(m -> m.getSubject())
                .containsExactly(
                        "Confirmation de votre rendez-vous du 2026-03-05T09:00:00Z",
                        "Annulation de votre rendez-vous du 2026-03-05T09:00:00Z");
        Notification reminder = store.byUsager(T, usager, null, 10).stream()
                .filter(n -> n.kind() == NotificationKind.APPOINTMENT_REMINDER)
                .findFirst()
                .orElseThrow();
        assertThat(reminder.status()).isEqualTo(NotificationStatus.SUPPRESSED);
        // end::suppressed[]
        assertThat(reminder.attempts().get(0).detail()).contains("CANCELLED");
    }

    @Test
    void aRestoredAppointmentIsAnnouncedAndItsReminderSent() {
        prefer(List.of(NotificationChannel.EMAIL), null);
        Instant startsAt = Instant.parse("2026-03-05T09:00:00Z");
        service.enqueue(appointment(NotificationKind.APPOINTMENT_CANCELLED, AppointmentStatus.CANCELLED, startsAt));
        clock.advance(Duration.ofSeconds(1));
        service.enqueue(appointment(NotificationKind.APPOINTMENT_RESTORED, AppointmentStatus.RESTORED, startsAt));
        clock.advance(Duration.ofSeconds(1));
        service.enqueue(appointment(NotificationKind.APPOINTMENT_REMINDER, AppointmentStatus.RESTORED, startsAt));
        pump(1);
        assertThat(MAIL.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aReminderForAMovedAppointmentIsStale() {
        prefer(List.of(NotificationChannel.EMAIL), null);
        Instant first = Instant.parse("2026-03-05T09:00:00Z");
        Instant moved = Instant.parse("2026-03-06T14:00:00Z");
        service.enqueue(appointment(NotificationKind.APPOINTMENT_BOOKED, AppointmentStatus.BOOKED, first));
        clock.advance(Duration.ofSeconds(1));
        service.enqueue(appointment(NotificationKind.APPOINTMENT_RESCHEDULED, AppointmentStatus.RESCHEDULED, moved));
        clock.advance(Duration.ofSeconds(1));
        service.enqueue(appointment(NotificationKind.APPOINTMENT_REMINDER, AppointmentStatus.BOOKED, first));
        service.enqueue(appointment(NotificationKind.APPOINTMENT_REMINDER, AppointmentStatus.RESCHEDULED, moved));
        pump(1);
        assertThat(MAIL.getReceivedMessages())
                .extracting(m -> m.getSubject())
                .containsExactlyInAnyOrder(
                        "Confirmation de votre rendez-vous du 2026-03-05T09:00:00Z",
                        "Votre rendez-vous est déplacé au 2026-03-06T14:00:00Z",
                        "Rappel : rendez-vous le 2026-03-06T14:00:00Z");
    }

    @Test
    void reminderCheckCatchesAStoreThatForgetsTheLatestStatus() {
        // Broken variant: a store that never reports the appointment's latest status.
        NotificationStore real = NotificationStore.inMemory();
        wire(
                new ForwardingStore(real) {
                    @Override
                    public Optional<Notification> latestAppointmentStatus(TenantId tenant, String appointmentId) {
                        return Optional.empty();
                    }
                },
                new HttpSmsGateway(sms.uri(), "token", Duration.ofSeconds(5)),
                smtpPort());
        prefer(List.of(NotificationChannel.EMAIL), null);
        Instant startsAt = Instant.parse("2026-03-05T09:00:00Z");
        service.enqueue(appointment(NotificationKind.APPOINTMENT_CANCELLED, AppointmentStatus.CANCELLED, startsAt));
        clock.advance(Duration.ofSeconds(1));
        service.enqueue(appointment(NotificationKind.APPOINTMENT_REMINDER, AppointmentStatus.BOOKED, startsAt));
        pump(1);
        assertThat(MAIL.getReceivedMessages()).hasSize(2); // the reminder went out: the check above would fail
    }

    @Test
    void anSmsWaitsForTheEndOfQuietHours() {
        clock.set(Instant.parse("2026-03-02T21:30:00Z")); // 22:30 in Paris
        prefer(List.of(NotificationChannel.SMS), QuietHours.paris(LocalTime.of(21, 0), LocalTime.of(8, 0)));
        service.enqueue(received(EventId.of(UUID.randomUUID())));
        relay.drain();
        service.drain(10);
        assertThat(sms.received()).isEmpty();
        assertThat(only().attempts())
                .extracting(DeliveryAttempt::outcome)
                .containsExactly(DeliveryAttempt.Outcome.DEFERRED);

        clock.set(Instant.parse("2026-03-03T06:59:00Z"));
        service.drain(10);
        assertThat(sms.received()).isEmpty();
        clock.set(Instant.parse("2026-03-03T07:00:00Z")); // 08:00 in Paris
        service.drain(10);
        assertThat(sms.received()).hasSize(1);
        assertThat(only().status()).isEqualTo(NotificationStatus.SENT);
    }

    @Test
    void aDeliveryReceiptFailureMovesToTheNextChannel() {
        prefer(List.of(NotificationChannel.SMS), null);
        service.enqueue(received(EventId.of(UUID.randomUUID())));
        pump(1);
        assertThat(only().status()).isEqualTo(NotificationStatus.SENT);
        service.recordReceipt("sms-1", false, "handset unreachable for 48 h");
        service.drain(10);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(only().deliveredOn()).isEqualTo(NotificationChannel.EMAIL);
    }

    @Test
    void badNoticesAreRefusedAndNothingIsQueued() {
        prefer(List.of(NotificationChannel.EMAIL), null);
        assertThatThrownBy(() -> new RequestNotice(
                        EventId.of(UUID.randomUUID()),
                        T,
                        usager,
                        NotificationKind.REQUEST_RECEIVED,
                        clock.instant(),
                        request,
                        Map.of(),
                        List.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("notice.attachments");
        assertThatThrownBy(() -> appointment(
                        NotificationKind.APPOINTMENT_REMINDER, AppointmentStatus.CANCELLED, clock.instant()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("notice.status");
        RequestNotice missing = new RequestNotice(
                EventId.of(UUID.randomUUID()),
                T,
                usager,
                NotificationKind.COMPLEMENT_REQUESTED,
                clock.instant(),
                request,
                Map.of("reference", "R", "missingPieces", "- avis d'imposition"),
                List.of());
        assertThatThrownBy(() -> service.enqueue(missing))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("notice.variables.deadline"));
        assertThat(outbox.count(OutboxStatus.PENDING)).isZero();
    }

    static Notification withSource(Notification n, EventId source) {
        return new Notification(
                n.id(),
                n.tenant(),
                n.usager(),
                source,
                n.kind(),
                n.occurredAt(),
                n.request(),
                n.appointmentId(),
                n.appointmentStatus(),
                n.appointmentStartsAt(),
                n.message(),
                n.attachments(),
                n.email(),
                n.phone(),
                n.smsQuietHours(),
                n.chain(),
                n.channelIndex(),
                n.attemptsOnChannel(),
                n.status(),
                n.createdAt(),
                n.nextAttemptAt(),
                n.attempts());
    }

    /** Delegates everything; broken variants override one method. */
    static class ForwardingStore implements NotificationStore {
        private final NotificationStore d;

        ForwardingStore(NotificationStore d) {
            this.d = d;
        }

        @Override
        public boolean add(Notification n) {
            return d.add(n);
        }

        @Override
        public int eraseUsager(TenantId tenant, UsagerId usager) {
            return d.eraseUsager(tenant, usager);
        }

        @Override
        public Optional<Notification> find(TenantId tenant, NotificationId id) {
            return d.find(tenant, id);
        }

        @Override
        public List<Notification> byUsager(TenantId tenant, UsagerId usager, @Nullable Instant before, int limit) {
            return d.byUsager(tenant, usager, before, limit);
        }

        @Override
        public Optional<Notification> latestAppointmentStatus(TenantId tenant, String appointmentId) {
            return d.latestAppointmentStatus(tenant, appointmentId);
        }

        @Override
        public Optional<Notification> byProviderId(String providerId) {
            return d.byProviderId(providerId);
        }

        @Override
        public void update(Notification n) {
            d.update(n);
        }

        @Override
        public int processDue(int max, Instant now, UnaryOperator<Notification> handler) {
            return d.processDue(max, now, handler);
        }
    }
}
