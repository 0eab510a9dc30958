package org.opengru.scheduling.booking;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * The payment a paying appointment waits for. {@code hold} is the booking taken HELD for it; {@code
 * booking} the appointment the payment confirmed: the hold itself, or, for a payment that came after
 * the hold expired while the slot was still free, the booking taken again for it.
 */
public record BookingPayment(
        TenantId tenant,
        BookingId hold,
        UsagerId usager,
        Instant start,
        long amountCents,
        BookingPaymentStatus status,
        @Nullable BookingId booking,
        @Nullable String paymentReference,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Whether a payment was received (its reference recorded), whatever became of the appointment.
     *
     * @return {@code true} when the provider's reference is known
     */
    public boolean paid() {
        return paymentReference != null;
    }

    /**
     * The same payment after a move, one version further (the store's optimistic check compares versions).
     *
     * @param status the new status
     * @param booking the appointment the payment confirmed, {@code null} while there is none
     * @param paymentReference the provider's reference, {@code null} while unpaid
     * @param at when the move happened
     * @return a new record; this one is unchanged
     */
    public BookingPayment next(
            BookingPaymentStatus status, @Nullable BookingId booking, @Nullable String paymentReference, Instant at) {
        return new BookingPayment(
                tenant,
                hold,
                usager,
                start,
                amountCents,
                status,
                booking,
                paymentReference,
                version + 1,
                createdAt,
                at);
    }
}
