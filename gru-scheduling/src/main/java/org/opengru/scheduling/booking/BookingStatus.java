package org.opengru.scheduling.booking;

/** Where a booking stands. Only {@link #HELD} and {@link #BOOKED} occupy a desk. */
public enum BookingStatus {
    /** A short hold while the resident fills the form; reclaimed when it expires. */
    HELD,
    /** A confirmed appointment. */
    BOOKED,
    /** The hold ran out before confirmation. */
    EXPIRED,
    /** Cancelled by the resident (link, or their space). */
    CANCELLED_BY_USAGER,
    /** Cancelled by an agent (absence, closure), with a reason the resident reads. */
    CANCELLED_BY_AGENT,
    /** The resident came. */
    ATTENDED,
    /** The resident did not come. */
    NO_SHOW;

    /**
     * Whether a booking in this status occupies its desk.
     *
     * @return {@code true} for {@link #HELD} and {@link #BOOKED}
     */
    public boolean occupiesDesk() {
        return this == HELD || this == BOOKED;
    }

    /**
     * Whether the booking was cancelled, by the resident or an agent.
     *
     * @return {@code true} for both cancelled statuses
     */
    public boolean cancelled() {
        return this == CANCELLED_BY_USAGER || this == CANCELLED_BY_AGENT;
    }
}
