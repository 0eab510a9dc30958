package org.opengru.scheduling.booking;

/** Where a booking stands. Only {@link #HELD} and {@link #BOOKED} occupy a desk. */
public enum BookingStatus {
    /** A short hold while the resident fills the form; reclaimed when it expires. */
    HELD,
    BOOKED,
    /** The hold ran out before confirmation. */
    EXPIRED,
    CANCELLED_BY_USAGER,
    CANCELLED_BY_AGENT,
    ATTENDED,
    NO_SHOW;

    /** Whether a booking in this status occupies its desk. */
    public boolean occupiesDesk() {
        return this == HELD || this == BOOKED;
    }

    public boolean cancelled() {
        return this == CANCELLED_BY_USAGER || this == CANCELLED_BY_AGENT;
    }
}
