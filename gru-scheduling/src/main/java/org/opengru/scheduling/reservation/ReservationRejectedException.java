package org.opengru.scheduling.reservation;

import org.jspecify.annotations.Nullable;
import org.opengru.scheduling.RejectedException;

/** A reservation request or change refused; names the reason, the field and the value. Nothing written. */
public class ReservationRejectedException extends RejectedException {

    /** Why. */
    public enum Reason {
        UNKNOWN_RESERVABLE,
        CATEGORY_NOT_ADMITTED,
        IN_THE_PAST,
        BEYOND_HORIZON,
        TOO_SHORT,
        TOO_LONG,
        OUTSIDE_OPENING_RULES,
        UNKNOWN_PIECE,
        PERIOD_TAKEN
    }

    private final Reason reason;

    public ReservationRejectedException(Reason reason, String field, @Nullable Object value, String message) {
        super(reason, field, value, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
