package org.opengru.scheduling.reservation;

import org.jspecify.annotations.Nullable;
import org.opengru.scheduling.SchedulingException;

/** A reservation request or change refused; names the reason, the field and the value. Nothing written. */
public class ReservationRejectedException extends SchedulingException {

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
    private final String field;
    private final @Nullable String value;

    public ReservationRejectedException(Reason reason, String field, @Nullable Object value, String message) {
        super(reason + ": " + field + "=" + (value == null ? "<absent>" : "'" + value + "'") + ": " + message);
        this.reason = reason;
        this.field = field;
        this.value = value == null ? null : String.valueOf(value);
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }

    public @Nullable String value() {
        return value;
    }
}
