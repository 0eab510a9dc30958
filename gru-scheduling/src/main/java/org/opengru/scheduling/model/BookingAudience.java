package org.opengru.scheduling.model;

/** Who may book a service. */
public enum BookingAudience {
    /** Residents online (and agents on their behalf). */
    PUBLIC,
    /** Only agents at the counter or on the phone (motifs réservés aux agents). */
    AGENTS_ONLY
}
