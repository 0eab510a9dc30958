package org.opengru.scheduling.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.event.DomainEvents;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.notification.UsagerNotice;
import org.opengru.scheduling.registration.Registration;
import org.opengru.scheduling.registration.RegistrationEvent;
import org.opengru.scheduling.registration.RegistrationService;
import org.opengru.scheduling.reservation.Reservable;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationEvent;
import org.opengru.scheduling.reservation.ReservationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the resident what became of their réservation or inscription: approved (with the amount to pay and
 * where to pay it), refused (with the agent's reason), a place offered from an event's waiting list (with
 * the deadline), a refund made by the comptable public. The events carry no personal data: each is read
 * back from its store. A notice's id is its event's, so that one told twice is sent once.
 *
 * <pre>{@code
 * ReservationNotices notices = ReservationNotices.builder(notifications)
 *         .reservations(reservations)
 *         .registrations(registrations)
 *         .link(r -> "https://mairie.example/mes-reservations/" + r.id())
 *         .build();
 * notices.subscribe(core.events());
 * }</pre>
 */
public final class ReservationNotices {

    private static final Logger LOG = LoggerFactory.getLogger(ReservationNotices.class);

    private final NotificationService notifications;
    private final @Nullable ReservationService reservations;
    private final @Nullable RegistrationService registrations;
    private final Function<Reservation, String> link;
    private final ZoneId zone;

    private ReservationNotices(Builder b) {
        this.notifications = b.notifications;
        this.reservations = b.reservations;
        this.registrations = b.registrations;
        this.link = b.link;
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

    /** 1234 cents as « 12,34 € ». */
    static String euros(long cents) {
        return String.format(Locale.FRANCE, "%d,%02d €", cents / 100, cents % 100);
    }

    /** Builds the notices. */
    public static final class Builder {
        private final NotificationService notifications;
        private @Nullable ReservationService reservations;
        private @Nullable RegistrationService registrations;
        private Function<Reservation, String> link = r -> "votre espace sur le portail de la commune";
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
