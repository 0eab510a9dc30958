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
        /** The site is not one of the collectivité's. */
        UNKNOWN_SITE,
        /** The site does not offer this service (motif). */
        SERVICE_NOT_OFFERED,
        /** The slot has already started. */
        IN_THE_PAST,
        /** The slot starts sooner than the service's minimum notice. */
        TOO_SHORT_NOTICE,
        /** The slot starts later than the service's booking horizon. */
        BEYOND_HORIZON,
        /** The appointment does not fit within the site's opening hours. */
        OUTSIDE_OPENING_HOURS,
        /** The day is a public holiday (jour férié) of the site's zone. */
        PUBLIC_HOLIDAY,
        /** The start is not on the service's grid of slots. */
        NOT_ON_SLOT_GRID,
        /** More people than the service takes in one appointment. */
        TOO_MANY_PEOPLE,
        /** Only agents book this service (by phone or at the counter). */
        AGENTS_ONLY,
        /** The service requires an ANTS pre-application number (passport, ID card) and none was given. */
        ANTS_NUMBER_MISSING,
        /** The ANTS pre-application number is not ten letters and digits. */
        ANTS_NUMBER_MALFORMED,
        /** The usager already has an appointment ahead for this service. */
        ACTIVE_BOOKING_EXISTS,
        /** The usager missed more appointments than the policy tolerates. */
        NO_SHOW_LIMIT,
        /** Too many attempts from this usager or address: try again later. */
        RATE_LIMITED,
        /** The hold ran out, or ended, before its confirmation. */
        HOLD_EXPIRED,
        /** The usager already holds as many slots as the service allows. */
        HOLD_LIMIT,
        /** The cancellation link's secret does not match (nothing is said about the booking). */
        INVALID_CANCEL_TOKEN,
        /** The idempotency key was used for a different request. */
        IDEMPOTENCY_KEY_REUSED,
        /** The lottery's entry window has closed. */
        LOTTERY_CLOSED,
        /** The lottery cannot be drawn before its entry window closes. */
        LOTTERY_NOT_CLOSED
    }

    /** Why the request was refused. */
    private final Reason reason;

    /**
     * Refuses a booking request.
     *
     * @param reason why
     * @param field the field at fault
     * @param value the refused value, or {@code null} when it was missing
     * @param message the detail, for the logs
     */
    public BookingRejectedException(Reason reason, String field, @Nullable Object value, String message) {
        super(reason, field, value, message);
        this.reason = reason;
    }

    /**
     * A hold that ran out, or left HELD, before its confirmation: it can never be confirmed.
     *
     * @param hold the hold
     * @return the exception, {@code HOLD_EXPIRED}
     */
    public static BookingRejectedException holdExpired(Booking hold) {
        return new BookingRejectedException(
                Reason.HOLD_EXPIRED,
                "bookingId",
                hold.id(),
                "the hold is " + hold.status() + " and expired at " + hold.holdExpiresAt());
    }

    /**
     * Why the request was refused, for the page to say in French.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
