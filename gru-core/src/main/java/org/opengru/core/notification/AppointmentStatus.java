package org.opengru.core.notification;

/** The status of an appointment as the scheduling module reports it with each {@link AppointmentNotice}. */
public enum AppointmentStatus {
    /** Booked (réservé). */
    BOOKED,
    /** Moved to another slot (déplacé). */
    RESCHEDULED,
    /** Given back after a cancellation. */
    RESTORED,
    /** A freed slot offered to someone on the waiting list. */
    OFFERED,
    /** Cancelled, by the usager or the commune (annulé). */
    CANCELLED,
    /** The usager came (honoré). */
    ATTENDED,
    /** The usager did not come (absence). */
    NO_SHOW;

    /**
     * Whether the appointment will take place, so that a reminder makes sense.
     *
     * @return {@code true} for booked, rescheduled, restored or offered
     */
    public boolean upcoming() {
        return this == BOOKED || this == RESCHEDULED || this == RESTORED;
    }
}
