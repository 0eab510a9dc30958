package org.opengru.scheduling.booking;

/** What may happen to a booking; legal moves are listed in {@link BookingLifecycle}. */
public enum BookingAction {
    CONFIRM_HOLD,
    EXPIRE_HOLD,
    RELEASE_HOLD,
    CANCEL_BY_USAGER,
    CANCEL_BY_AGENT,
    RESCHEDULE,
    MARK_ATTENDED,
    MARK_NO_SHOW
}
