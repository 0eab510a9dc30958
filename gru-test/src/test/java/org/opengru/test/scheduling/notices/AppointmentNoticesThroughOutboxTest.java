package org.opengru.test.scheduling.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.test.scheduling.SchedulingFixture.CIVIL;
import static org.opengru.test.scheduling.SchedulingFixture.MONDAY_9AM;
import static org.opengru.test.scheduling.SchedulingFixture.SITE;
import static org.opengru.test.scheduling.SchedulingFixture.TENANT;
import static org.opengru.test.scheduling.SchedulingFixture.at;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengru.core.event.DomainEventPublisher;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.notification.LanguageRegister;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.core.notification.NotificationPreferences;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.notification.email.SmtpEmailSender;
import org.opengru.core.notification.email.SmtpSettings;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.principal.Principal;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.value.EmailAddress;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.SiteDirectory;
import org.opengru.scheduling.ical.ICalendarWriter;
import org.opengru.scheduling.notification.AppointmentNotices;
import org.opengru.scheduling.notification.Attendees;
import org.opengru.scheduling.notification.BookingAppointmentStatus;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.scheduling.SchedulingFixture;
import org.opengru.test.scheduling.SmallPool;

/**
 * With PostgreSQL, no in-process bus: the booking statement writes its event to the booking log, and
 * gru-core's relay reads it from there and hands it to {@link AppointmentNotices#subscriber()}, which queues the notice in the relay's
 * transaction. Each committed change reaches the SMTP server (GreenMail) once, the reschedule with the
 * date it was moved from (carried by the event since the row no longer has it).
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class AppointmentNoticesThroughOutboxTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void eachCommittedChangeIsMailedOnceWithItsInvitation(PostgresDatabase db) throws Exception {
        SchedulingFixture.migrate(db.dataSource());
        MutableClock clock = new MutableClock(MONDAY_9AM);
        UsagerId lea = UsagerId.of(UUID.randomUUID());
        EmailAddress leaMail = EmailAddress.parse("lea.martin@exemple.fr");
        Set<String> subscribers = Set.of(NotificationService.SUBSCRIBER, AppointmentNotices.SUBSCRIBER);
        try (SmallPool pool = new SmallPool(db.dataSource(), 4)) {
            PostgresPersistence core = PostgresPersistence.builder(pool, clock)
                    .outboxSubscribers(subscribers)
                    .eventLog(SchedulingSchema.bookingEventLog())
                    .build();
            PostgresBookingStore store = new PostgresBookingStore(pool, subscribers);
            BookingService bookings = new BookingService(
                    store,
                    SiteDirectory.of(List.of(SchedulingFixture.setup())),
                    BookingPolicy.defaults(),
                    clock,
                    IdGenerator.create(clock),
                    RateLimiter.unlimited(),
                    DomainEventPublisher.none());
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
            EmailAddress rdv = EmailAddress.parse("rdv@mairie-centrale.example");
            NotificationService notifications = NotificationService.builder(clock, core.outbox())
                    .preferences(prefs)
                    .sender(new SmtpEmailSender(
                            new SmtpSettings(
                                    "127.0.0.1",
                                    MAIL.getSmtp().getPort(),
                                    SmtpSettings.Security.NONE,
                                    null,
                                    null,
                                    rdv,
                                    "Mairie centrale",
                                    Duration.ofSeconds(5)),
                            clock))
                    .appointmentStatus(new BookingAppointmentStatus(store, clock))
                    .build();
            AppointmentNotices notices = AppointmentNotices.builder(
                            bookings, notifications, new ICalendarWriter("rdv.mairie-centrale.example"))
                    .organizer(site -> rdv)
                    .attendees((t, u) -> Optional.of(new Attendees.Attendee("Léa Martin", leaMail)))
                    .build();
            OutboxRelay relay = OutboxRelay.builder(core.outbox(), clock)
                    .subscriber(notifications.subscriber())
                    .subscriber(notices.subscriber())
                    .build();

            BookingResult.Booked booked =
                    (BookingResult.Booked) bookings.book(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 10, 0), lea));
            bookings.reschedule(Principal.usager(TENANT, lea), booked.booking().id(), at(2, 11, 0));
            bookings.cancelByUsager(TENANT, booked.booking().id(), booked.cancelToken());
            for (int i = 0; i < 3; i++) { // booking events, then the notices they queued
                relay.drain(10);
                notifications.drain(10);
            }

            assertThat(MAIL.getReceivedMessages()).hasSize(3);
            MailedInvitations confirmation = MailedInvitations.read(MAIL.getReceivedMessages()[0]);
            MailedInvitations reschedule = MailedInvitations.read(MAIL.getReceivedMessages()[1]);
            MailedInvitations cancellation = MailedInvitations.read(MAIL.getReceivedMessages()[2]);
            assertThat(confirmation.calendarType().getParameter("method")).isEqualTo("REQUEST");
            assertThat(confirmation.event("SEQUENCE")).isEqualTo("0");
            assertThat(confirmation.start()).isEqualTo(at(1, 10, 0)); // the event's time, not the row's
            assertThat(reschedule.text())
                    .contains("du mardi 9 juin 2026 à 10h00 est déplacé au mercredi 10 juin 2026 à 11h00");
            assertThat(reschedule.event("SEQUENCE")).isEqualTo("1");
            assertThat(reschedule.start()).isEqualTo(at(2, 11, 0));
            assertThat(cancellation.calendarType().getParameter("method")).isEqualTo("CANCEL");
            assertThat(cancellation.event("STATUS")).isEqualTo("CANCELLED");
            assertThat(cancellation.event("SEQUENCE")).isEqualTo("2");
            assertThat(List.of(confirmation, reschedule, cancellation))
                    .extracting(m -> m.event("UID"))
                    .containsOnly(booked.booking().id() + "@rdv.mairie-centrale.example");

            relay.drain(10);
            notifications.drain(10);
            assertThat(MAIL.getReceivedMessages()).hasSize(3);
        }
    }
}
