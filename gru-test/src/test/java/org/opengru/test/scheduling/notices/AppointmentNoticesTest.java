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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengru.core.event.DomainEvents;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.LanguageRegister;
import org.opengru.core.notification.Notification;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.core.notification.NotificationPreferences;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.notification.NotificationStatus;
import org.opengru.core.notification.NotificationStore;
import org.opengru.core.notification.email.SmtpEmailSender;
import org.opengru.core.notification.email.SmtpSettings;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.principal.Principal;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.value.EmailAddress;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingEvent;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.SiteDirectory;
import org.opengru.scheduling.ical.ICalendarWriter;
import org.opengru.scheduling.notification.AppointmentNotices;
import org.opengru.scheduling.notification.Attendees;
import org.opengru.scheduling.notification.BookingAppointmentStatus;
import org.opengru.test.MutableClock;
import org.opengru.test.scheduling.SchedulingFixture;

/**
 * Appointments notify themselves (in-memory setup, booking events on the in-process bus): the
 * confirmation, the reschedule and the cancellation each reach a real SMTP server (GreenMail) with the
 * invitation attached as calendar clients expect it; reminders go out once when due and never for an
 * appointment cancelled or moved after they were queued.
 */
class AppointmentNoticesTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final EmailAddress RDV = EmailAddress.parse("rdv@mairie-centrale.example");
    static final EmailAddress LEA_MAIL = EmailAddress.parse("lea.martin@exemple.fr");

    final MutableClock clock = new MutableClock(MONDAY_9AM);
    final UsagerId lea = UsagerId.of(UUID.randomUUID());
    final Attendees attendees = (tenant, usager) ->
            usager.equals(lea) ? Optional.of(new Attendees.Attendee("Léa Martin", LEA_MAIL)) : Optional.empty();
    final NotificationStore sent = NotificationStore.inMemory();

    DomainEvents events;
    BookingStore store;
    BookingService bookings;
    NotificationService notifications;
    OutboxRelay relay;
    AppointmentNotices notices;

    @BeforeEach
    void wire() {
        events = new DomainEvents();
        store = BookingStore.inMemory();
        bookings = new BookingService(
                store,
                SiteDirectory.of(List.of(SchedulingFixture.setup())),
                BookingPolicy.defaults(),
                clock,
                IdGenerator.create(clock),
                RateLimiter.unlimited(),
                events);
        NotificationPreferenceStore prefs = NotificationPreferenceStore.inMemory();
        prefs.save(new NotificationPreferences(
                TENANT,
                lea,
                List.of(NotificationChannel.EMAIL),
                LEA_MAIL,
                null,
                null,
                null,
                null,
                LanguageRegister.STANDARD));
        Outbox outbox = Outbox.inMemory(clock, Set.of(NotificationService.SUBSCRIBER));
        // tag::status-lookup[]
        notifications = NotificationService.builder(clock, outbox)
                .store(sent)
                .preferences(prefs)
                .sender(new SmtpEmailSender(smtp(), clock))
                .appointmentStatus(new BookingAppointmentStatus(store, clock))
                .build();
        // end::status-lookup[]
        relay = OutboxRelay.builder(outbox, clock)
                .subscriber(notifications.subscriber())
                .build();
        notices = newNotices();
        events.subscribe(BookingEvent.class, notices.listener());
    }

    AppointmentNotices newNotices() {
        return AppointmentNotices.builder(bookings, notifications, new ICalendarWriter("rdv.mairie-centrale.example"))
                .organizer(site -> RDV)
                .attendees(attendees)
                .build();
    }

    static SmtpSettings smtp() {
        return new SmtpSettings(
                "127.0.0.1",
                MAIL.getSmtp().getPort(),
                SmtpSettings.Security.NONE,
                null,
                null,
                RDV,
                "Mairie centrale",
                Duration.ofSeconds(5));
    }

    /** The relay, then the deliveries: what the two periodic jobs do. */
    void pump() {
        relay.drain(10);
        notifications.drain(10);
    }

    BookingResult.Booked book(Instant start) {
        return (BookingResult.Booked) bookings.book(BookingRequest.online(TENANT, SITE, CIVIL, start, lea));
    }

    MailedInvitations mail(int index) throws Exception {
        return MailedInvitations.read(MAIL.getReceivedMessages()[index]);
    }

    @Test
    void aBookingItsRescheduleAndItsCancellationEachMailTheirInvitation() throws Exception {
        BookingResult.Booked booked = book(at(1, 10, 0));
        pump();
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        MailedInvitations confirmation = mail(0);
        assertThat(confirmation.subject()).isEqualTo("Confirmation de votre rendez-vous du mardi 9 juin 2026 à 10h00");
        assertThat(confirmation.text()).contains("Léa Martin").contains("Mairie centrale");
        assertThat(confirmation.calendarType().getParameter("method")).isEqualTo("REQUEST");
        assertThat(confirmation.method()).isEqualTo("REQUEST");
        assertThat(confirmation.event("ORGANIZER")).isEqualTo("mailto:rdv@mairie-centrale.example");
        assertThat(confirmation.event("ATTENDEE")).isEqualTo("mailto:lea.martin@exemple.fr");
        assertThat(confirmation.event("SEQUENCE")).isEqualTo("0");
        assertThat(confirmation.start()).isEqualTo(at(1, 10, 0));
        String uid = confirmation.event("UID");
        assertThat(uid).startsWith(booked.booking().id().toString());

        Booking moved = ((BookingResult.Booked) bookings.reschedule(
                        Principal.usager(TENANT, lea), booked.booking().id(), at(2, 11, 0)))
                .booking();
        pump();
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
        MailedInvitations reschedule = mail(1);
        assertThat(reschedule.subject()).isEqualTo("Votre rendez-vous est déplacé au mercredi 10 juin 2026 à 11h00");
        assertThat(reschedule.text())
                .contains("du mardi 9 juin 2026 à 10h00 est déplacé au mercredi 10 juin 2026 à 11h00");
        assertThat(reschedule.calendarType().getParameter("method")).isEqualTo("REQUEST");
        assertThat(reschedule.event("UID")).isEqualTo(uid);
        assertThat(reschedule.event("SEQUENCE")).isEqualTo(String.valueOf(moved.sequence()));
        assertThat(reschedule.start()).isEqualTo(at(2, 11, 0));

        bookings.cancelByUsager(TENANT, booked.booking().id(), booked.cancelToken());
        pump();
        assertThat(MAIL.getReceivedMessages()).hasSize(3);
        MailedInvitations cancellation = mail(2);
        assertThat(cancellation.subject())
                .isEqualTo("Annulation de votre rendez-vous du mercredi 10 juin 2026 à 11h00");
        assertThat(cancellation.calendarType().getParameter("method")).isEqualTo("CANCEL");
        assertThat(cancellation.method()).isEqualTo("CANCEL");
        assertThat(cancellation.event("STATUS")).isEqualTo("CANCELLED");
        assertThat(cancellation.event("UID")).isEqualTo(uid);
        assertThat(Integer.parseInt(cancellation.event("SEQUENCE"))).isGreaterThan(moved.sequence());
        assertThat(cancellation.event("ORGANIZER")).isEqualTo("mailto:rdv@mairie-centrale.example");
        assertThat(cancellation.event("ATTENDEE")).isEqualTo("mailto:lea.martin@exemple.fr");

        pump();
        assertThat(MAIL.getReceivedMessages()).hasSize(3); // each change told once
    }

    @Test
    void aReminderGoesOutOnceWhenDueAndNotForAnAppointmentCancelledSinceItWasQueued() throws Exception {
        Instant start = at(3, 10, 0); // Thursday: reminders 48 h and 2 h before
        BookingResult.Booked booked = book(start);
        pump();
        assertThat(MAIL.getReceivedMessages()).hasSize(1);

        clock.set(start.minus(Duration.ofHours(48)).minusSeconds(60));
        assertThat(notices.sendDueReminders(TENANT)).isZero();
        clock.set(start.minus(Duration.ofHours(48)));
        assertThat(notices.sendDueReminders(TENANT)).isEqualTo(1);
        assertThat(notices.sendDueReminders(TENANT)).isZero();
        // Another node sweeping the same hour queues it again: still one notification.
        assertThat(newNotices().sendDueReminders(TENANT)).isEqualTo(1);
        pump();
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
        MailedInvitations reminder = mail(1);
        assertThat(reminder.subject()).isEqualTo("Rappel : rendez-vous le jeudi 11 juin 2026 à 10h00");
        assertThat(reminder.method()).isEqualTo("REQUEST");

        // The 2-hour reminder is stored, then the resident cancels before the delivery job runs.
        clock.set(start.minus(Duration.ofHours(2)));
        assertThat(notices.sendDueReminders(TENANT)).isEqualTo(1);
        relay.drain(10);
        bookings.cancelByUsager(TENANT, booked.booking().id(), booked.cancelToken());
        notifications.drain(10);
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
        pump();
        assertThat(MAIL.getReceivedMessages()).hasSize(3);
        assertThat(mail(2).method()).isEqualTo("CANCEL");
        assertThat(ofKind(NotificationKind.APPOINTMENT_REMINDER))
                .extracting(Notification::status)
                .containsExactlyInAnyOrder(NotificationStatus.SENT, NotificationStatus.SUPPRESSED);
    }

    @Test
    void aReminderQueuedBeforeTheAppointmentMovedIsStaleAndTheNewTimeGetsItsOwn() throws Exception {
        Instant start = at(3, 10, 0);
        BookingResult.Booked booked = book(start);
        pump();
        clock.set(start.minus(Duration.ofHours(48)));
        assertThat(notices.sendDueReminders(TENANT)).isEqualTo(1);
        relay.drain(10);
        Instant later = at(4, 10, 0);
        bookings.reschedule(Principal.usager(TENANT, lea), booked.booking().id(), later);
        notifications.drain(10);
        assertThat(MAIL.getReceivedMessages()).hasSize(1); // the stale reminder did not go out
        pump();
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
        assertThat(mail(1).subject()).startsWith("Votre rendez-vous est déplacé");

        clock.set(later.minus(Duration.ofHours(48)));
        assertThat(notices.sendDueReminders(TENANT)).isEqualTo(1);
        pump();
        assertThat(MAIL.getReceivedMessages()).hasSize(3);
        assertThat(mail(2).subject()).isEqualTo("Rappel : rendez-vous le vendredi 12 juin 2026 à 10h00");
        assertThat(mail(2).start()).isEqualTo(later);
    }

    @Test
    void aSlotFreedForTheWaitingListIsOfferedAndItsConfirmationInvites() throws Exception {
        UsagerId paul = UsagerId.of(UUID.randomUUID());
        BookingResult.Booked his =
                (BookingResult.Booked) bookings.book(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 10, 0), paul));
        // Léa holds a slot while filing the form: a form's hold tells her nothing.
        BookingResult.Booked formHold =
                (BookingResult.Booked) bookings.hold(BookingRequest.online(TENANT, SITE, CIVIL, at(1, 11, 0), lea));
        bookings.releaseHold(Principal.usager(TENANT, lea), formHold.booking().id());
        bookings.joinWaitingList(
                Principal.usager(TENANT, lea),
                SITE,
                CIVIL,
                lea,
                at(1, 10, 0).atZone(SchedulingFixture.PARIS).toLocalDate(),
                at(1, 10, 0).atZone(SchedulingFixture.PARIS).toLocalDate());
        pump();
        assertThat(MAIL.getReceivedMessages()).isEmpty(); // Paul has no address: nothing for him by e-mail

        bookings.cancelByUsager(TENANT, his.booking().id(), his.cancelToken());
        pump();
        assertThat(ofKind(NotificationKind.WAITING_LIST_OFFER)).singleElement().satisfies(n -> {
            assertThat(n.message().text())
                    .contains("mardi 9 juin 2026 à 10h00")
                    .contains("Cette proposition expire le lundi 8 juin 2026 à 11h00");
            assertThat(n.attachments()).isEmpty(); // an offer, not yet an appointment
        });
        assertThat(MAIL.getReceivedMessages()).hasSize(1);

        Booking offered = bookings.store().ofUsager(TENANT, lea).stream()
                .filter(b -> b.status() == org.opengru.scheduling.booking.BookingStatus.HELD)
                .findFirst()
                .orElseThrow();
        bookings.confirmHold(Principal.usager(TENANT, lea), offered.id());
        pump();
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
        MailedInvitations confirmation = mail(1);
        assertThat(confirmation.subject()).startsWith("Confirmation de votre rendez-vous du mardi 9 juin 2026");
        assertThat(confirmation.method()).isEqualTo("REQUEST");
        assertThat(ofKind(NotificationKind.APPOINTMENT_BOOKED)).hasSize(1);
    }

    List<Notification> ofKind(NotificationKind kind) {
        return sent.byUsager(TENANT, lea, null, 50).stream()
                .filter(n -> n.kind() == kind)
                .toList();
    }
}
