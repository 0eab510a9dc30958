package org.opengru.scheduling.reservation;

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
 * Something happened to a reservation. The PostgreSQL store writes it to gru-core's outbox in the
 * transaction of the change (aggregate type {@code reservation}, event type {@link #type()}), so that
 * gru-core's relay and webhooks deliver it like the bookings' events; the service publishes it to
 * in-process listeners once stored. The id is the same both ways ({@link ItemEvents#idOf}). No personal
 * data: the usager is not named, a subscriber reads the reservation back.
 *
 * @param eventId the event's id, stable for one change
 * @param tenant the collectivité
 * @param occurredAt when it happened
 * @param kind what happened
 * @param reservation the reservation
 * @param reservable the room or equipment
 * @param start the start of the period
 * @param end the end of the period
 * @param status the reservation's status after the change
 * @param deposit the deposit's state after the change
 * @param version the reservation's version after the change
 */
public record ReservationEvent(
        EventId eventId,
        TenantId tenant,
        Instant occurredAt,
        Kind kind,
        ReservationId reservation,
        ReservableId reservable,
        Instant start,
        Instant end,
        ReservationStatus status,
        DepositStatus deposit,
        int version)
        implements DomainEvent {

    /** The kinds of reservation events. */
    public enum Kind {
        /** Asked for: the period is kept while an agent decides. */
        REQUESTED,
        /** Approved by an agent: confirmed, or awaiting payment ({@code status} says which). */
        APPROVED,
        /** Refused by an agent: the period is free again. */
        REFUSED,
        /** The payment was received and the reservation confirmed. */
        PAID,
        /** Cancelled by the usager or an agent ({@code status} REFUND_DUE when paid). */
        CANCELLED,
        /** Not paid in time: the period is free again. */
        EXPIRED,
        /** A payment is to be refunded by the comptable public (late, after a cancellation, or twice). */
        REFUND_DUE,
        /** An agent recorded the refund the comptable public made. */
        REFUNDED,
        /** The deposit was received (with the payment, or apart as an agent recorded). */
        DEPOSIT_HELD,
        /** The deposit is to be given back by the comptable public. */
        DEPOSIT_RETURN_DUE,
        /** An agent recorded the deposit given back. */
        DEPOSIT_RETURNED,
        /** The deposit is kept (damage, missing equipment), with the agent's reason. */
        DEPOSIT_KEPT
    }

    @Override
    public String type() {
        return "scheduling.reservation." + kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The event of a change, as its trail entry describes it; empty for a change that is not told (a piece
     * provided).
     *
     * @param r the reservation after the change
     * @param change the change's trail entry
     * @return the event, or empty
     */
    public static Optional<ReservationEvent> of(Reservation r, TrailEntry change) {
        Kind kind = kindOf(change.action(), r.status());
        if (kind == null) {
            return Optional.empty();
        }
        return Optional.of(new ReservationEvent(
                ItemEvents.idOf("reservation", r.id().value(), r.version()),
                r.tenant(),
                change.at(),
                kind,
                r.id(),
                r.reservable(),
                r.start(),
                r.end(),
                r.status(),
                r.deposit(),
                r.version()));
    }

    private static @Nullable Kind kindOf(String action, ReservationStatus to) {
        return switch (action) {
            case "request" -> Kind.REQUESTED;
            case "approve" -> Kind.APPROVED;
            case "reject" -> Kind.REFUSED;
            case "confirm_payment" -> to == ReservationStatus.CONFIRMED ? Kind.PAID : Kind.REFUND_DUE;
            case "duplicate_payment_refund_due" -> Kind.REFUND_DUE;
            case "cancel" -> Kind.CANCELLED;
            case "expire_hold" -> Kind.EXPIRED;
            case "record_refund" -> Kind.REFUNDED;
            case "receive_deposit" -> Kind.DEPOSIT_HELD;
            case "return_deposit" -> Kind.DEPOSIT_RETURN_DUE;
            case "record_deposit_returned" -> Kind.DEPOSIT_RETURNED;
            case "keep_deposit" -> Kind.DEPOSIT_KEPT;
            default -> null;
        };
    }
}
