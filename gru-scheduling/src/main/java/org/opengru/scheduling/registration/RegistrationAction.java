package org.opengru.scheduling.registration;

/** The moves of a registration. */
public enum RegistrationAction {
    PROMOTE,
    CONFIRM_PAYMENT,
    EXPIRE_HOLD,
    CANCEL,
    RECORD_REFUND
}
