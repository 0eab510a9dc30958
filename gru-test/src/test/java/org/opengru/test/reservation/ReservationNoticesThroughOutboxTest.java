package org.opengru.test.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengru.test.reservation.ReservationContract.AGENT;
import static org.opengru.test.reservation.ReservationContract.GYM;
import static org.opengru.test.reservation.ReservationContract.T0;
import static org.opengru.test.reservation.ReservationContract.TENANT;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.notification.LanguageRegister;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.core.notification.NotificationPreferences;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.notification.email.SmtpEmailSender;
import org.opengru.core.notification.email.SmtpSettings;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.core.principal.Principal;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.value.EmailAddress;
import org.opengru.scheduling.notification.ReservationNotices;
import org.opengru.scheduling.postgres.PostgresReservationStore;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationRequest;
import org.opengru.scheduling.reservation.ReservationService;
import org.opengru.scheduling.reservation.UsagerCategory;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.scheduling.SchedulingFixture;
import org.opengru.test.scheduling.SmallPool;

/**
 * Issue 23: a reservation's notice survives the node that made the change. The approval is committed with
 * its event in gru-core's outbox, then the node dies before publishing it in process (the publisher throws);
 * another node's relay hands the event to {@link ReservationNotices#subscriber()}, and the resident gets one
 * e-mail, with the link to the reservation's page. The relay delivers at least once: the same record handed
 * again (a relay that died after delivering, before marking it delivered) sends no second e-mail.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class ReservationNoticesThroughOutboxTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void anApprovalCommittedOnANodeThatDiedBeforePublishingIsMailedOnceByAnotherRelay(PostgresDatabase db)
            throws Exception {
        SchedulingFixture.migrate(db.dataSource());
        MutableClock clock = new MutableClock(T0);
        UsagerId lea = UsagerId.of(UUID.randomUUID());
        EmailAddress leaMail = EmailAddress.parse("lea.martin@exemple.fr");
        Set<String> subscribers = Set.of(NotificationService.SUBSCRIBER, ReservationNotices.SUBSCRIBER);
        try (SmallPool pool = new SmallPool(db.dataSource(), 4)) {
            // The node that approves: its store writes the event with the change; its bus dies before use.
            ReservationService dying = new ReservationService(
                    new PostgresReservationStore(pool),
                    List.of(ReservationContract.gym()),
                    new Representations(UsagerStore.inMemory(), MandateStore.inMemory()),
                    clock,
                    IdGenerator.create(clock),
                    events -> {
                        throw new IllegalStateException("the node died after the commit, before publishing");
                    });
            ZonedDateTime day = T0.atZone(ReservationContract.PARIS).plusDays(5);
            Reservation asked;
            try {
                asked = dying.request(
                        Principal.usager(TENANT, lea),
                        new ReservationRequest(
                                TENANT,
                                GYM,
                                lea,
                                UsagerCategory.RESIDENT,
                                day.withHour(10).toInstant(),
                                day.withHour(18).toInstant(),
                                Map.of()));
            } catch (IllegalStateException died) {
                asked = null;
            }
            assertThat(asked).as("the request's publish dies too").isNull();
            Reservation stored = new PostgresReservationStore(pool)
                    .ofUsager(TENANT, lea).stream().findFirst().orElseThrow();
            assertThatThrownBy(() -> dying.approve(AGENT, stored.id())).hasMessageContaining("node died");

            // Another node: its own services, relay and notification service over the same database.
            ReservationService other = new ReservationService(
                    new PostgresReservationStore(pool),
                    List.of(ReservationContract.gym()),
                    new Representations(UsagerStore.inMemory(), MandateStore.inMemory()),
                    clock,
                    IdGenerator.create(clock));
            PostgresPersistence core = PostgresPersistence.builder(pool, clock)
                    .outboxSubscribers(subscribers)
                    .eventLog(SchedulingSchema.reservationEventLog()) // the relay reads the item log
                    .eventLog(SchedulingSchema.registrationEventLog())
                    .build();
            NotificationPreferenceStore prefs = NotificationPreferenceStore.inMemory();
            prefs.save(new NotificationPreferences(
                    TENANT,
                    lea,
                    List.of(NotificationChannel.EMAIL),
                    leaMail,
                    null,
                    null,
                    null,
                    null,
                    LanguageRegister.STANDARD));
            NotificationService notifications = NotificationService.builder(clock, core.outbox())
                    .preferences(prefs)
                    .sender(new SmtpEmailSender(
                            new SmtpSettings(
                                    "127.0.0.1",
                                    MAIL.getSmtp().getPort(),
                                    SmtpSettings.Security.NONE,
                                    null,
                                    null,
                                    EmailAddress.parse("ne-pas-repondre@mairie.example"),
                                    "Mairie",
                                    Duration.ofSeconds(5)),
                            clock))
                    .build();
            ReservationNotices notices = ReservationNotices.builder(notifications)
                    .reservations(other)
                    .link(r -> "https://mairie.example/reservations/" + r.id())
                    .build();
            List<OutboxRecord> handed = new CopyOnWriteArrayList<>();
            OutboxSubscriber recording = new OutboxSubscriber() {
                @Override
                public String name() {
                    return ReservationNotices.SUBSCRIBER;
                }

                @Override
                public DeliveryResult deliver(OutboxRecord record) {
                    handed.add(record);
                    return notices.subscriber().deliver(record);
                }
            };
            OutboxRelay relay = OutboxRelay.builder(core.outbox(), clock)
                    .subscriber(notifications.subscriber())
                    .subscriber(recording)
                    .build();
            for (int i = 0; i < 3; i++) { // the reservation's events, then the notices they queued
                relay.drain(10);
                notifications.drain(10);
            }

            assertThat(MAIL.getReceivedMessages()).hasSize(1);
            // Quoted-printable: the soft line breaks removed.
            String text = GreenMailUtil.getBody(MAIL.getReceivedMessages()[0]).replaceAll("=\\r?\\n", "");
            assertThat(text).contains("Gymnase").contains("https://mairie.example/reservations/" + stored.id());

            // At least once: the relay hands the same records again; the event's id keeps it one notification.
            assertThat(handed).extracting(r -> r.message().eventType()).contains("scheduling.reservation.approved");
            OutboxRelay again = OutboxRelay.builder(core.outbox(), clock)
                    .subscriber(notifications.subscriber())
                    .subscriber(notices.subscriber())
                    .build();
            for (OutboxRecord r : List.copyOf(handed)) {
                assertThat(notices.subscriber().deliver(r).delivered()).isTrue();
            }
            for (int i = 0; i < 3; i++) {
                again.drain(10);
                notifications.drain(10);
            }
            assertThat(MAIL.getReceivedMessages()).hasSize(1);
        }
    }
}
