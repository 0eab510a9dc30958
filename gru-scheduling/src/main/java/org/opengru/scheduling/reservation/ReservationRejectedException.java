package org.opengru.scheduling.reservation;

import org.jspecify.annotations.Nullable;
import org.opengru.scheduling.RejectedException;

/** A reservation request or change refused; names the reason, the field and the value. Nothing written. */
public class ReservationRejectedException extends RejectedException {

    /** Why. */
    public enum Reason {
        /** No such room or equipment in the collectivité. */
        UNKNOWN_RESERVABLE,
        /** The usager's category has no tariff for it: it may not reserve it. */
        CATEGORY_NOT_ADMITTED,
        /** The period starts in the past. */
        IN_THE_PAST,
        /** The period starts beyond the reservation horizon. */
        BEYOND_HORIZON,
        /** Shorter than the shortest reservation. */
        TOO_SHORT,
        /** Longer than the longest reservation. */
        TOO_LONG,
        /** It begins or ends outside the opening rules (keys cannot be handed over then). */
        OUTSIDE_OPENING_RULES,
        /** A piece provided is not one the reservable requires. */
        UNKNOWN_PIECE,
        /** Another reservation keeps the period, or part of it. */
        PERIOD_TAKEN
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
    public ReservationRejectedException(Reason reason, String field, @Nullable Object value, String message) {
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
