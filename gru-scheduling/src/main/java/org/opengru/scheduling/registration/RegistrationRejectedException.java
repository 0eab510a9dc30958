package org.opengru.scheduling.registration;

import org.jspecify.annotations.Nullable;
import org.opengru.scheduling.RejectedException;

/** A registration refused; names the reason, the field and the value. Nothing written. */
public class RegistrationRejectedException extends RejectedException {

    /** Why. */
    public enum Reason {
        UNKNOWN_SESSION,
        REGISTRATION_CLOSED,
        PERSON_LIMIT,
        ALREADY_REGISTERED,
        PLACE_TAKEN
    }

    private final Reason reason;

    public RegistrationRejectedException(Reason reason, String field, @Nullable Object value, String message) {
        super(reason, field, value, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
