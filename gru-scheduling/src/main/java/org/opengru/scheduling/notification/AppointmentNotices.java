package org.opengru.scheduling.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.event.DomainEventListener;
import org.opengru.core.id.EventId;
import org.opengru.core.notification.AppointmentNotice;
import org.opengru.core.notification.AppointmentStatus;
import org.opengru.core.notification.Attachment;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;
import org.opengru.scheduling.booking.AuditEntry;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingEvent;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.booking.ReminderDue;
import org.opengru.scheduling.booking.SiteSetup;
import org.opengru.scheduling.ical.CalendarUser;
import org.opengru.scheduling.ical.ICalendar;
import org.opengru.scheduling.ical.ICalendarWriter;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appointments that notify themselves: each booking event the resident must hear of becomes an {@link
 * AppointmentNotice} for gru-core's {@link NotificationService}, with the invitation attached (iMIP, RFC
 * 6047: {@code text/calendar; method=REQUEST}, then {@code CANCEL}).
 *
 * <table>
 *   <caption>Booking events and the notices they give</caption>
 *   <tr><th>Event</th><th>Notice</th><th>Attached</th></tr>
 *   <tr><td>BOOKED (booked at once, or a hold confirmed)</td><td>APPOINTMENT_BOOKED</td><td>REQUEST</td></tr>
 *   <tr><td>RESCHEDULED</td><td>APPOINTMENT_RESCHEDULED (with the previous date)</td><td>REQUEST, next SEQUENCE</td></tr>
 *   <tr><td>CANCELLED (by the resident or an agent)</td><td>APPOINTMENT_CANCELLED</td><td>CANCEL</td></tr>
 *   <tr><td>HELD for the next person of a waiting list</td><td>WAITING_LIST_OFFER (until when)</td><td>nothing</td></tr>
 * </table>
 *
 * <p>A form's short hold, an expired hold, attendance and no-show tell the resident nothing. Reminders come
 * from {@link #sendDueReminders}, to call periodically; whether one still holds is decided again right
 * before it is sent, by the notification service with {@link BookingAppointmentStatus}.
 *
 * <p>Two ways to feed it, as for the request notices:
 *
 * <ul>
 *   <li>{@link #subscriber()} reads the booking events the PostgreSQL store writes to gru-core's outbox with
 *       each change: a notice exists exactly when the change committed, queued in the relay's
 *       transaction, de-duplicated on the event id;
 *   <li>{@link #listener()} for the in-process bus of the in-memory setup, where events are published
 *       after the change is stored.
 * </ul>
 *
 * <pre>{@code
 * AppointmentNotices notices = AppointmentNotices.builder(bookings, notifications, new ICalendarWriter("rdv.mairie.fr"))
 *         .organizer(site -> EmailAddress.parse("rdv@mairie.fr"))
 *         .attendees(Attendees.of(usagers, preferences))
 *         .build();
 * relay.subscriber(notices.subscriber());     // PostgreSQL: outbox subscriber "appointment-notices"
 * events.subscribe(BookingEvent.class, notices.listener()); // or, in memory
 * notices.sendDueReminders(tenant);           // every few minutes
 * }</pre>
 */
public final class AppointmentNotices {

    /** The outbox subscriber name to configure gru-core's outbox (and the booking store) with. */
    public static final String SUBSCRIBER = "appointment-notices";

    /** The name of the attached calendar file. */
    public static final String FILE_NAME = "rendez-vous.ics";

    private static final Logger LOG = LoggerFactory.getLogger(AppointmentNotices.class);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM uuuu 'à' HH'h'mm", Locale.FRENCH);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BookingService bookings;
    private final NotificationService notifications;
    private final ICalendarWriter calendar;
    private final Function<Site, @Nullable EmailAddress> organizer;
    private final Attendees attendees;
    private final Duration reminderCatchUp;
    private final Clock clock;
    private final Map<TenantId, Instant> sweptUntil = new ConcurrentHashMap<>();
    private final OutboxSubscriber subscriber = new Subscriber();

    private AppointmentNotices(Builder b) {
        this.bookings = b.bookings;
        this.notifications = b.notifications;
        this.calendar = b.calendar;
        this.organizer = b.organizer;
        this.attendees = b.attendees;
        this.reminderCatchUp = b.reminderCatchUp;
        this.clock = b.bookings.clock();
    }

    /**
     * Starts the notices of appointments.
     *
     * @param calendar writes the invitations; its domain makes their UIDs
     * @param bookings the booking service
     * @param notifications gru-core's notification service
     * @return a builder
     */
    public static Builder builder(
            BookingService bookings, NotificationService notifications, ICalendarWriter calendar) {
        return new Builder(bookings, notifications, calendar);
    }

    /**
     * Enqueues the booking event's notice, if the resident is told of it. For the in-process bus.
     *
     * @return the listener
     */
    public DomainEventListener<BookingEvent> listener() {
        return event -> notice(event).ifPresent(notifications::enqueue);
    }

    /**
     * The outbox subscriber ({@value #SUBSCRIBER}) that enqueues the notices of the booking events.
     *
     * @return the subscriber
     */
    public OutboxSubscriber subscriber() {
        return subscriber;
    }

    /**
     * Enqueues the reminders that fell due since the last call (at most {@link Builder#reminderCatchUp}
     * ago) for the tenant's booked appointments; returns how many. Call it every few minutes from any
     * scheduler, on any number of nodes: a reminder's event id derives from the booking, its sequence and
     * the offset, so that one enqueued twice gives one notification, and a moved appointment a new one.
     *
     * @param tenant the collectivité
     * @return how many were enqueued. Idempotent across nodes, as said above
     */
    public int sendDueReminders(TenantId tenant) {
        Instant now = clock.instant();
        Instant earliest = now.minus(reminderCatchUp);
        Instant from = sweptUntil.getOrDefault(tenant, earliest);
        if (from.isBefore(earliest)) {
            from = earliest;
        }
        Instant to = now.plusNanos(1); // due exactly now is due
        int queued = 0;
        for (ReminderDue due : bookings.remindersDue(tenant, from, to)) {
            Optional<AppointmentNotice> notice = reminder(due);
            if (notice.isPresent()) {
                notifications.enqueue(notice.get());
                queued++;
            }
        }
        sweptUntil.merge(tenant, to, (a, b) -> a.isAfter(b) ? a : b);
        return queued;
    }

    /**
     * The notice of a booking event, or empty when the resident is not told of it.
     *
     * @param event the event
     * @return the notice, or empty
     */
    public Optional<AppointmentNotice> notice(BookingEvent event) {
        Optional<Booking> found = bookings.store().find(event.tenant(), event.booking());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Booking current = found.get();
        Booking then = asOf(current, event);
        NotificationKind kind;
        AppointmentStatus status;
        Map<String, String> extra = new HashMap<>();
        switch (event.kind()) {
            case BOOKED -> {
                kind = NotificationKind.APPOINTMENT_BOOKED;
                status = AppointmentStatus.BOOKED;
            }
            case RESCHEDULED -> {
                kind = NotificationKind.APPOINTMENT_RESCHEDULED;
                status = AppointmentStatus.RESCHEDULED;
                extra.put(
                        "previousDate",
                        event.previousStart() == null
                                ? "la date convenue précédemment"
                                : when(event.previousStart(), zoneOf(current)));
            }
            case CANCELLED -> {
                kind = NotificationKind.APPOINTMENT_CANCELLED;
                status = AppointmentStatus.CANCELLED;
            }
            case HELD -> {
                // Only a slot held for someone of the waiting list, still on offer, is news to them.
                Instant until = current.holdExpiresAt();
                if (current.status() != BookingStatus.HELD
                        || until == null
                        || !until.isAfter(clock.instant())
                        || !offeredFromWaitingList(current)) {
                    return Optional.empty();
                }
                kind = NotificationKind.WAITING_LIST_OFFER;
                status = AppointmentStatus.OFFERED;
                extra.put("offerExpiresAt", when(until, zoneOf(current)));
            }
            default -> {
                return Optional.empty();
            }
        }
        return build(
                event.eventId(),
                event.occurredAt(),
                kind,
                status,
                then,
                extra,
                kind != NotificationKind.WAITING_LIST_OFFER);
    }

    /**
     * The notice of a reminder, or empty when its booking is gone or no longer booked.
     *
     * @param due the reminder
     * @return the notice, or empty
     */
    public Optional<AppointmentNotice> reminder(ReminderDue due) {
        return bookings.store()
                .find(due.tenant(), due.booking())
                .filter(b -> b.status() == BookingStatus.BOOKED && b.start().equals(due.appointmentStart()))
                .flatMap(b -> build(
                        due.eventId(),
                        due.occurredAt(),
                        NotificationKind.APPOINTMENT_REMINDER,
                        AppointmentStatus.BOOKED,
                        b,
                        Map.of(),
                        true));
    }

    private Optional<AppointmentNotice> build(
            EventId eventId,
            Instant occurredAt,
            NotificationKind kind,
            AppointmentStatus status,
            Booking b,
            Map<String, String> extra,
            boolean withCalendar) {
        Optional<SiteSetup> setup = bookings.sites().find(b.tenant(), b.site());
        Optional<Service> service = setup.flatMap(s -> s.service(b.service()));
        if (setup.isEmpty() || service.isEmpty()) {
            LOG.warn(
                    "booking {}: site {} or service {} no longer configured, no notice", b.id(), b.site(), b.service());
            return Optional.empty();
        }
        Site site = setup.get().site();
        Optional<Attendees.Attendee> attendee = attendees.find(b.tenant(), b.usager());
        Map<String, String> variables = new HashMap<>(extra);
        variables.put("appointmentDate", when(b.start(), site.zone()));
        variables.put("place", site.name());
        attendee.ifPresent(a -> variables.put("usagerName", a.name()));
        List<Attachment> attachments = List.of();
        if (withCalendar) {
            ICalendar ics = calendarFor(b, site, service.get(), attendee);
            attachments = List.of(new Attachment(FILE_NAME, ics.contentType(), ics.bytes()));
        }
        return Optional.of(new AppointmentNotice(
                eventId,
                b.tenant(),
                b.usager(),
                kind,
                occurredAt,
                b.id().toString(),
                status,
                b.start(),
                variables,
                attachments));
    }

    /** An invitation when both addresses are known; else a plain file the resident can still import. */
    private ICalendar calendarFor(Booking b, Site site, Service service, Optional<Attendees.Attendee> attendee) {
        EmailAddress from = organizer.apply(site);
        EmailAddress to = attendee.map(Attendees.Attendee::email).orElse(null);
        if (from == null || to == null) {
            return new ICalendar(null, calendar.appointment(b, site, service));
        }
        return calendar.invitation(
                b,
                site,
                service,
                new CalendarUser(site.name(), from),
                new CalendarUser(attendee.get().name(), to));
    }

    /** Whether the hold was made by the waiting list (its first audit entry is the list's). */
    private boolean offeredFromWaitingList(Booking hold) {
        List<AuditEntry> trail = bookings.store().audit(hold.tenant(), hold.id());
        return !trail.isEmpty()
                && trail.get(0).actor().kind() == ActorKind.SYSTEM
                && "waiting-list".equals(trail.get(0).actor().id());
    }

    /** The booking as the event saw it: its time, desk, status and sequence then, the rest as now. */
    private static Booking asOf(Booking now, BookingEvent e) {
        Duration length = Duration.between(now.start(), now.end());
        Duration before = Duration.between(now.busyStart(), now.start());
        Duration after = Duration.between(now.end(), now.busyEnd());
        Instant end = e.start().plus(length);
        return new Booking(
                now.id(),
                now.tenant(),
                now.site(),
                now.service(),
                e.resource(),
                now.usager(),
                now.people(),
                e.start(),
                end,
                e.start().minus(before),
                end.plus(after),
                e.status(),
                now.holdExpiresAt(),
                now.antsNumber(),
                e.status().cancelled() ? now.cancelReason() : null,
                e.sequence(),
                now.idempotencyKey(),
                now.cancelTokenHash(),
                now.createdAt(),
                e.occurredAt());
    }

    private ZoneId zoneOf(Booking b) {
        return bookings.sites()
                .find(b.tenant(), b.site())
                .map(s -> s.site().zone())
                .orElse(ZoneId.of("Europe/Paris"));
    }

    /** "mardi 9 juin 2026 à 10h00", in the site's zone (overseas sites in their own time). */
    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    /** A booking event as the PostgreSQL store writes it to gru-core's outbox. */
    static BookingEvent fromOutbox(OutboxRecord record) {
        JsonNode e = JSON.readTree(record.message().payload()).path("event");
        if (!e.isObject()) {
            throw new IllegalArgumentException(
                    "no event in the payload of " + record.message().eventId());
        }
        return new BookingEvent(
                record.message().eventId(),
                record.message().tenant(),
                instant(e, "occurredAt"),
                BookingEvent.Kind.valueOf(e.path("kind").asString()),
                BookingId.of(UUID.fromString(e.path("booking").asString())),
                ServiceId.of(e.path("service").asString()),
                ResourceId.of(e.path("resource").asString()),
                instant(e, "startsAt"),
                BookingStatus.valueOf(e.path("status").asString()),
                e.path("sequence").asInt(),
                e.hasNonNull("previousStartsAt") ? instant(e, "previousStartsAt") : null);
    }

    private static Instant instant(JsonNode event, String field) {
        return OffsetDateTime.parse(event.path(field).asString()).toInstant();
    }

    private final class Subscriber implements OutboxSubscriber {
        @Override
        public String name() {
            return SUBSCRIBER;
        }

        @Override
        public DeliveryResult deliver(OutboxRecord record) {
            if (!"booking".equals(record.message().aggregateType())) {
                return DeliveryResult.ok("not a booking event");
            }
            BookingEvent event;
            try {
                event = fromOutbox(record);
            } catch (RuntimeException e) {
                return DeliveryResult.permanent("cannot read booking event: " + e.getMessage());
            }
            Optional<AppointmentNotice> notice;
            try {
                notice = notice(event);
            } catch (ValidationException e) {
                // A template the values do not fill: retrying cannot help, the dead letter says why.
                return DeliveryResult.permanent("notice refused: " + e.getMessage());
            }
            if (notice.isEmpty()) {
                return DeliveryResult.ok("no notice for " + event.kind());
            }
            // Joins the relay's transaction (PostgreSQL): the notice is queued with this outcome.
            return DeliveryResult.ok("notice queued as " + notifications.enqueue(notice.get()));
        }
    }

    /** Configures the bridge; every setter checks its value at once. */
    public static final class Builder {
        private final BookingService bookings;
        private final NotificationService notifications;
        private final ICalendarWriter calendar;
        private Function<Site, @Nullable EmailAddress> organizer = site -> null;
        private Attendees attendees = Attendees.none();
        private Duration reminderCatchUp = Duration.ofHours(1);

        private Builder(BookingService bookings, NotificationService notifications, ICalendarWriter calendar) {
            this.bookings = Objects.requireNonNull(bookings, "bookings");
            this.notifications = Objects.requireNonNull(notifications, "notifications");
            this.calendar = Objects.requireNonNull(calendar, "calendar");
        }

        /**
         * The address of each site's organiser (the commune's appointment mailbox, ideally the sender of
         * the e-mails); without one, the notices carry a plain calendar file instead of an invitation.
         *
         * @param organizer the organiser's address per site, or {@code null}
         * @return this builder
         */
        public Builder organizer(Function<Site, @Nullable EmailAddress> organizer) {
            this.organizer = Objects.requireNonNull(organizer, "organizer");
            return this;
        }

        /**
         * Who the residents are: their names for the greeting, their addresses for the invitations.
         *
         * @param attendees the attendees
         * @return this builder
         */
        public Builder attendees(Attendees attendees) {
            this.attendees = Objects.requireNonNull(attendees, "attendees");
            return this;
        }

        /**
         * How late a reminder may still go out, for one missed while no scheduler ran (1 hour unless set,
         * at most a day); a reminder for an appointment that has started is suppressed anyway.
         *
         * @param catchUp the delay
         * @return this builder
         */
        public Builder reminderCatchUp(Duration catchUp) {
            if (catchUp == null
                    || catchUp.isNegative()
                    || catchUp.isZero()
                    || catchUp.compareTo(Duration.ofDays(1)) > 0) {
                throw new ValidationException(
                        "appointmentNotices.reminderCatchUp", catchUp, "must be between 1 second and 1 day");
            }
            this.reminderCatchUp = catchUp;
            return this;
        }

        /**
         * Builds the notices.
         *
         * @return the notices
         */
        public AppointmentNotices build() {
            return new AppointmentNotices(this);
        }
    }
}
