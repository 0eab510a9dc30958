package org.opengru.scheduling.booking;

/** What may happen to a booking; legal moves are listed in {@link BookingLifecycle}. */
public enum BookingAction {
    /** A hold becomes a booking. */
    CONFIRM_HOLD,
    /** A hold ran out. */
    EXPIRE_HOLD,
    /** The resident gave the held slot up. */
    RELEASE_HOLD,
    /** The resident cancels. */
    CANCEL_BY_USAGER,
    /** An agent cancels. */
    CANCEL_BY_AGENT,
    /** The appointment moves to another time or desk. */
    RESCHEDULE,
    /** An agent records that the resident came. */
    MARK_ATTENDED,
    /** An agent records that the resident did not come. */
    MARK_NO_SHOW
}
