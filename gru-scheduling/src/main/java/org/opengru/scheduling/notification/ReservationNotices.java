package org.opengru.scheduling.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.event.DomainEvents;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.notification.UsagerNotice;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.scheduling.registration.Registration;
import org.opengru.scheduling.registration.RegistrationEvent;
import org.opengru.scheduling.registration.RegistrationId;
import org.opengru.scheduling.registration.RegistrationService;
import org.opengru.scheduling.registration.RegistrationStatus;
import org.opengru.scheduling.registration.SessionId;
import org.opengru.scheduling.reservation.DepositStatus;
import org.opengru.scheduling.reservation.Reservable;
import org.opengru.scheduling.reservation.ReservableId;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationEvent;
import org.opengru.scheduling.reservation.ReservationId;
import org.opengru.scheduling.reservation.ReservationService;
import org.opengru.scheduling.reservation.ReservationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the resident what became of their réservation or inscription: approved (with the amount to pay and
 * where to pay it), refused (with the agent's reason), a place offered from an event's waiting list (with
 * the deadline), a refund made by the comptable public. The events carry no personal data: each is read
 * back from its store. A notice's id is its event's, so that one told twice is sent once.
 *
 * <p>Two ways to feed it, as for the appointments' notices:
 *
 * <ul>
 *   <li>{@link #subscriber()} ({@value #SUBSCRIBER}) reads the events the PostgreSQL stores write to gru-core's
 *       outbox in each change's transaction: a notice exists exactly when the change committed, even when the
 *       node dies before publishing it in process; the relay delivers at least once, and gru-core's
 *       notification store keeps one notification per event;
 *   <li>{@link #subscribe} for the in-process bus of the in-memory setup, where events are published after
 *       the change is stored.
 * </ul>
 *
 * <pre>{@code
 * ReservationNotices notices = ReservationNotices.builder(notifications)
 *         .reservations(reservations)
 *         .registrations(registrations)
 *         .link(r -> "https://mairie.example/mes-reservations/" + r.id())
 *         .build();
 * relay.subscriber(notices.subscriber()); // PostgreSQL: outbox subscriber "reservation-notices"
 * notices.subscribe(core.events());        // or, in memory
 * }</pre>
 */
public final class ReservationNotices {

    /** The outbox subscriber name to configure gru-core's outbox (and the reservation stores) with. */
    public static final String SUBSCRIBER = "reservation-notices";

    private static final Logger LOG = LoggerFactory.getLogger(ReservationNotices.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ON_THE_PORTAL = "votre espace sur le portail de la commune";

    private final NotificationService notifications;
    private final @Nullable ReservationService reservations;
    private final @Nullable RegistrationService registrations;
    private final Function<Reservation, String> link;
    private final Function<Registration, String> registrationLink;
    private final ZoneId zone;

    private ReservationNotices(Builder b) {
        this.notifications = b.notifications;
        this.reservations = b.reservations;
        this.registrations = b.registrations;
        this.link = b.link;
        this.registrationLink = b.registrationLink;
        this.zone = b.zone;
    }

    /**
     * Starts the notices.
     *
     * @param notifications the service that sends them
     * @return a builder
     */
    public static Builder builder(NotificationService notifications) {
        return new Builder(notifications);
    }

    /**
     * Listens to the reservations' and registrations' events of the bus (those of the services given).
     *
     * @param events the in-process bus the services publish to
     */
    public void subscribe(DomainEvents events) {
        if (reservations != null) {
            events.subscribe(ReservationEvent.class, e -> notice(e).ifPresent(this::send));
        }
        if (registrations != null) {
            events.subscribe(RegistrationEvent.class, e -> notice(e).ifPresent(this::send));
        }
    }

    /**
     * The outbox subscriber ({@value #SUBSCRIBER}) that enqueues the notices of the reservation and
     * registration events, in the relay's transaction on PostgreSQL. A redelivered event gives no second
     * notification: its notice carries the event's id, on which gru-core's notification store de-duplicates.
     *
     * @return the subscriber
     */
    public OutboxSubscriber subscriber() {
        return new Subscriber();
    }

    private void send(UsagerNotice notice) {
        try {
            notifications.enqueue(notice);
        } catch (RuntimeException e) {
            // The change is stored already: a notice that fails must not fail it.
            LOG.warn("notice {} of {} not queued", notice.kind(), notice.eventId(), e);
        }
    }

    /**
     * The notice of a reservation event, or empty when the resident is not told of it.
     *
     * @param event the event
     * @return the notice, or empty
     */
    public Optional<UsagerNotice> notice(ReservationEvent event) {
        if (reservations == null) {
            return Optional.empty();
        }
        Optional<Reservation> found = reservations.store().find(event.tenant(), event.reservation());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Reservation r = found.get();
        Map<String, String> variables = new HashMap<>();
        NotificationKind kind;
        switch (event.kind()) {
            case APPROVED -> {
                kind = NotificationKind.RESERVATION_APPROVED;
                variables.put("amountDue", euros(r.amountDueCents()));
                variables.put("paymentLink", link.apply(r));
            }
            case REFUSED -> {
                kind = NotificationKind.RESERVATION_REFUSED;
                variables.put("reason", r.decisionReason() == null ? "non précisée" : r.decisionReason());
            }
            case REFUNDED -> {
                kind = NotificationKind.REFUND_RECORDED;
                variables.put("amount", euros(r.amountDueCents()));
            }
            default -> {
                return Optional.empty();
            }
        }
        Reservable reservable = reservations.reservable(r.tenant(), r.reservable());
        String period = AppointmentNotices.when(r.start(), reservable.zone())
                + " au "
                + AppointmentNotices.when(r.end(), reservable.zone());
        variables.put("reservable", reservable.name());
        variables.put("period", period);
        variables.put("subject", "la réservation de " + reservable.name() + " du " + period);
        return Optional.of(notice(event, r.usager(), kind, variables));
    }

    /**
     * The notice of a registration event, or empty when the resident is not told of it. The one who
     * registered is told (a parent for their child), else the participant.
     *
     * @param event the event
     * @return the notice, or empty
     */
    public Optional<UsagerNotice> notice(RegistrationEvent event) {
        if (registrations == null) {
            return Optional.empty();
        }
        Optional<Registration> found = registrations.store().find(event.tenant(), event.registration());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Registration r = found.get();
        // The event's title, not its code: the resident never reads a code.
        String title = registrations.session(r.tenant(), r.session()).title();
        Map<String, String> variables = new HashMap<>();
        NotificationKind kind;
        switch (event.kind()) {
            case OFFERED -> {
                Instant until = r.holdExpiresAt();
                if (until == null) {
                    return Optional.empty();
                }
                kind = NotificationKind.EVENT_PLACE_OFFERED;
                variables.put("event", title);
                variables.put("offerExpiresAt", AppointmentNotices.when(until, zone));
                variables.put("amountDue", euros(r.priceCents()));
                variables.put("placeLink", registrationLink.apply(r));
            }
            case REFUNDED -> {
                kind = NotificationKind.REFUND_RECORDED;
                variables.put("amount", euros(r.priceCents()));
                variables.put("subject", "l'inscription à « " + title + " »");
            }
            default -> {
                return Optional.empty();
            }
        }
        UsagerId told = r.registeredBy() != null ? r.registeredBy() : r.participant();
        return Optional.of(notice(event, told, kind, variables));
    }

    private static UsagerNotice notice(
            DomainEvent event, UsagerId usager, NotificationKind kind, Map<String, String> variables) {
        return new UsagerNotice(
                event.eventId(), event.tenant(), usager, kind, event.occurredAt(), variables, List.of());
    }

    /**
     * The event of an outbox record written by {@code PostgresReservationStore} or {@code
     * PostgresRegistrationStore} ({@code {"event": {...}}}), or empty for another aggregate's.
     */
    static Optional<DomainEvent> fromOutbox(OutboxRecord record) {
        String type = record.message().aggregateType();
        if (!"reservation".equals(type) && !"registration".equals(type)) {
            return Optional.empty();
        }
        JsonNode e = JSON.readTree(record.message().payload()).path("event");
        if (!e.isObject()) {
            throw new IllegalArgumentException(
                    "no event in the payload of " + record.message().eventId());
        }
        if ("reservation".equals(type)) {
            return Optional.of(new ReservationEvent(
                    record.message().eventId(),
                    record.message().tenant(),
                    instant(e, "occurredAt"),
                    ReservationEvent.Kind.valueOf(e.path("kind").asString()),
                    new ReservationId(UUID.fromString(e.path("reservation").asString())),
                    ReservableId.of(e.path("reservable").asString()),
                    instant(e, "startsAt"),
                    instant(e, "endsAt"),
                    ReservationStatus.valueOf(e.path("status").asString()),
                    DepositStatus.valueOf(e.path("deposit").asString()),
                    e.path("version").asInt()));
        }
        return Optional.of(new RegistrationEvent(
                record.message().eventId(),
                record.message().tenant(),
                instant(e, "occurredAt"),
                RegistrationEvent.Kind.valueOf(e.path("kind").asString()),
                new RegistrationId(UUID.fromString(e.path("registration").asString())),
                SessionId.of(e.path("session").asString()),
                e.path("eventCode").asString(),
                RegistrationStatus.valueOf(e.path("status").asString()),
                e.hasNonNull("holdExpiresAt") ? instant(e, "holdExpiresAt") : null,
                e.path("version").asInt()));
    }

    private static Instant instant(JsonNode event, String field) {
        String v = event.path(field).asString();
        // Instant.toString() (UTC, "Z") as the stores write it; an offset is read too.
        return v.endsWith("Z") ? Instant.parse(v) : OffsetDateTime.parse(v).toInstant();
    }

    private final class Subscriber implements OutboxSubscriber {
        @Override
        public String name() {
            return SUBSCRIBER;
        }

        @Override
        public DeliveryResult deliver(OutboxRecord record) {
            Optional<DomainEvent> event;
            try {
                event = fromOutbox(record);
            } catch (RuntimeException e) {
                return DeliveryResult.permanent("cannot read the event: " + e.getMessage());
            }
            if (event.isEmpty()) {
                return DeliveryResult.ok("not a reservation or registration event");
            }
            Optional<UsagerNotice> notice;
            try {
                notice =
                        event.get() instanceof ReservationEvent r ? notice(r) : notice((RegistrationEvent) event.get());
            } catch (ValidationException e) {
                // A template the values do not fill: retrying cannot help, the dead letter says why.
                return DeliveryResult.permanent("notice refused: " + e.getMessage());
            }
            if (notice.isEmpty()) {
                return DeliveryResult.ok("no notice for " + event.get().type());
            }
            // Joins the relay's transaction (PostgreSQL): the notice is queued with this outcome; a failure
            // here is retried by the relay, not swallowed as on the bus.
            return DeliveryResult.ok("notice queued as " + notifications.enqueue(notice.get()));
        }
    }

    /** 1234 cents as « 12,34 € ». */
    static String euros(long cents) {
        return String.format(Locale.FRANCE, "%d,%02d €", cents / 100, cents % 100);
    }

    /** Builds the notices. */
    public static final class Builder {
        private final NotificationService notifications;
        private @Nullable ReservationService reservations;
        private @Nullable RegistrationService registrations;
        private Function<Reservation, String> link = r -> ON_THE_PORTAL;
        private Function<Registration, String> registrationLink = r -> ON_THE_PORTAL;
        private ZoneId zone = ZoneId.of("Europe/Paris");

        private Builder(NotificationService notifications) {
            this.notifications = Objects.requireNonNull(notifications, "notifications");
        }

        /**
         * The reservations told of.
         *
         * @param reservations the service
         * @return this builder
         */
        public Builder reservations(ReservationService reservations) {
            this.reservations = Objects.requireNonNull(reservations, "reservations");
            return this;
        }

        /**
         * The registrations told of.
         *
         * @param registrations the service
         * @return this builder
         */
        public Builder registrations(RegistrationService registrations) {
            this.registrations = Objects.requireNonNull(registrations, "registrations");
            return this;
        }

        /**
         * Where the resident pays an approved reservation; by default the words « votre espace sur le portail
         * de la commune ».
         *
         * @param link the address (or words) for a reservation
         * @return this builder
         */
        public Builder link(Function<Reservation, String> link) {
            this.link = Objects.requireNonNull(link, "link");
            return this;
        }

        /**
         * Where the resident takes (and pays) a place offered from a waiting list; by default the words «
         * votre espace sur le portail de la commune ».
         *
         * @param link the address (or words) for a registration
         * @return this builder
         */
        public Builder registrationLink(Function<Registration, String> link) {
            this.registrationLink = Objects.requireNonNull(link, "link");
            return this;
        }

        /**
         * The time zone of the registrations' deadlines; Europe/Paris by default.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The notices.
         *
         * @return the notices
         */
        public ReservationNotices build() {
            return new ReservationNotices(this);
        }
    }
}
