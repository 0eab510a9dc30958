package org.opengru.scheduling.booking;

import org.jspecify.annotations.Nullable;
import org.opengru.scheduling.RejectedException;

/**
 * A booking request refused for a reason that retrying will not fix (unlike a slot someone else took,
 * which is a {@link BookingResult.SlotUnavailable}). Names the reason, the field and the value. Nothing
 * was written.
 */
public class BookingRejectedException extends RejectedException {

    /** Why a request was refused. */
    public enum Reason {
        UNKNOWN_SITE,
        SERVICE_NOT_OFFERED,
        IN_THE_PAST,
        TOO_SHORT_NOTICE,
        BEYOND_HORIZON,
        OUTSIDE_OPENING_HOURS,
        PUBLIC_HOLIDAY,
        NOT_ON_SLOT_GRID,
        TOO_MANY_PEOPLE,
        AGENTS_ONLY,
        ANTS_NUMBER_MISSING,
        ANTS_NUMBER_MALFORMED,
        ACTIVE_BOOKING_EXISTS,
        NO_SHOW_LIMIT,
        RATE_LIMITED,
        HOLD_EXPIRED,
        HOLD_LIMIT,
        INVALID_CANCEL_TOKEN,
        IDEMPOTENCY_KEY_REUSED,
        LOTTERY_CLOSED,
        LOTTERY_NOT_CLOSED
    }

    private final Reason reason;

    public BookingRejectedException(Reason reason, String field, @Nullable Object value, String message) {
        super(reason, field, value, message);
        this.reason = reason;
    }

    /** A hold that ran out, or left HELD, before its confirmation: it can never be confirmed. */
    public static BookingRejectedException holdExpired(Booking hold) {
        return new BookingRejectedException(
                Reason.HOLD_EXPIRED,
                "bookingId",
                hold.id(),
                "the hold is " + hold.status() + " and expired at " + hold.holdExpiresAt());
    }

    public Reason reason() {
        return reason;
    }
}
