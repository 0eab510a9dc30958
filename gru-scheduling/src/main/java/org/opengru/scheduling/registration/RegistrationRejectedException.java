package org.opengru.scheduling.registration;

import org.jspecify.annotations.Nullable;
import org.opengru.scheduling.RejectedException;

/** A registration refused; names the reason, the field and the value. Nothing written. */
public class RegistrationRejectedException extends RejectedException {

    /** Why. */
    public enum Reason {
        /** No such session in the collectivité. */
        UNKNOWN_SESSION,
        /** The session has started, or registrations are closed. */
        REGISTRATION_CLOSED,
        /** The participant has as many registrations to the event as its per-person limit. */
        PERSON_LIMIT,
        /** The participant is already registered, or waiting, for this session. */
        ALREADY_REGISTERED,
        /** The place was taken by someone else meanwhile. */
        PLACE_TAKEN
    }

    private final Reason reason;

    /**
     * A refusal naming why, the field and the value.
     *
     * @param reason why
     * @param field the field refused
     * @param value the value refused, {@code null} when absent
     * @param message why, in plain words
     */
    public RegistrationRejectedException(Reason reason, String field, @Nullable Object value, String message) {
        super(reason, field, value, message);
        this.reason = reason;
    }

    /**
     * Why, for the caller to choose its answer (a page, an HTTP status).
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
