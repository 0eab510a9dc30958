package org.opengru.scheduling.registration;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.EventId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.hold.ItemEvents;
import org.opengru.scheduling.hold.TrailEntry;

/**
 * Something happened to a registration. The PostgreSQL store writes it to gru-core's outbox in the
 * transaction of the change (aggregate type {@code registration}, event type {@link #type()}), so that
 * gru-core's relay and webhooks deliver it like the bookings' events; the service publishes it to
 * in-process listeners once stored. The id is the same both ways ({@link ItemEvents#idOf}). No personal
 * data: the participant is not named, a subscriber reads the registration back.
 *
 * @param eventId the event's id, stable for one change
 * @param tenant the collectivité
 * @param occurredAt when it happened
 * @param kind what happened
 * @param registration the registration
 * @param session the session
 * @param event the event's code, shared by its sessions
 * @param status the registration's status after the change
 * @param holdExpiresAt until when a place offered or given is held for its payment, {@code null} when none
 * @param version the registration's version after the change
 */
public record RegistrationEvent(
        EventId eventId,
        TenantId tenant,
        Instant occurredAt,
        Kind kind,
        RegistrationId registration,
        SessionId session,
        String event,
        RegistrationStatus status,
        @Nullable Instant holdExpiresAt,
        int version)
        implements DomainEvent {

    /** The kinds of registration events. */
    public enum Kind {
        /** Registered with a place: confirmed, or awaiting its payment until {@code holdExpiresAt}. */
        REGISTERED,
        /** Registered on the waiting list (liste d'attente). */
        WAITLISTED,
        /** A place freed was offered to the first person waiting: held for its payment until {@code holdExpiresAt}. */
        OFFERED,
        /** The payment was received and the place confirmed. */
        PAID,
        /** Cancelled by the participant, whoever acts for them, or an agent ({@code status} REFUND_DUE when paid). */
        CANCELLED,
        /** The place was not paid in time and went to the next person waiting. */
        EXPIRED,
        /** A payment is to be refunded by the comptable public (a late or second payment). */
        REFUND_DUE,
        /** An agent recorded the refund the comptable public made. */
        REFUNDED
    }

    @Override
    public String type() {
        return "scheduling.registration." + kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The event of a change, as its trail entry describes it; empty for a change that is not told.
     *
     * @param r the registration after the change
     * @param change the change's trail entry
     * @return the event, or empty
     */
    public static Optional<RegistrationEvent> of(Registration r, TrailEntry change) {
        Kind kind = kindOf(change.action(), r.status());
        if (kind == null) {
            return Optional.empty();
        }
        return Optional.of(new RegistrationEvent(
                ItemEvents.idOf("registration", r.id().value(), r.version()),
                r.tenant(),
                change.at(),
                kind,
                r.id(),
                r.session(),
                r.event(),
                r.status(),
                r.holdExpiresAt(),
                r.version()));
    }

    private static @Nullable Kind kindOf(String action, RegistrationStatus to) {
        return switch (action) {
            case "register" -> to == RegistrationStatus.WAITING ? Kind.WAITLISTED : Kind.REGISTERED;
            case "promote" -> to == RegistrationStatus.AWAITING_PAYMENT ? Kind.OFFERED : Kind.REGISTERED;
            case "confirm_payment" -> to == RegistrationStatus.CONFIRMED ? Kind.PAID : Kind.REFUND_DUE;
            case "duplicate_payment_refund_due" -> Kind.REFUND_DUE;
            case "cancel" -> Kind.CANCELLED;
            case "expire_hold" -> Kind.EXPIRED;
            case "record_refund" -> Kind.REFUNDED;
            default -> null;
        };
    }
}
