package org.opengru.scheduling.registration;

import org.jspecify.annotations.Nullable;
import org.opengru.scheduling.SchedulingException;

/** A registration refused; names the reason, the field and the value. Nothing written. */
public class RegistrationRejectedException extends SchedulingException {

    /** Why. */
    public enum Reason {
        UNKNOWN_SESSION,
        REGISTRATION_CLOSED,
        PERSON_LIMIT,
        ALREADY_REGISTERED,
        PLACE_TAKEN
    }

    private final Reason reason;
    private final String field;
    private final @Nullable String value;

    public RegistrationRejectedException(Reason reason, String field, @Nullable Object value, String message) {
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
