package org.opengru.core.notification;

/** The status of an appointment as the scheduling module reports it with each {@link AppointmentNotice}. */
public enum AppointmentStatus {
    BOOKED,
    RESCHEDULED,
    /** Given back after a cancellation. */
    RESTORED,
    /** A freed slot offered to someone on the waiting list. */
    OFFERED,
    CANCELLED,
    ATTENDED,
    NO_SHOW;

    /** Whether the appointment will take place, so that a reminder makes sense. */
    public boolean upcoming() {
        return this == BOOKED || this == RESCHEDULED || this == RESTORED;
    }
}
