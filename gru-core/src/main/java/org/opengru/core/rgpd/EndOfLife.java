package org.opengru.core.rgpd;

/** What happens to a request when its retention ends. */
public enum EndOfLife {
    /** Deleted with its history and timeline entries (its audit chain, pseudonymous, stays). */
    PURGE,
    /**
     * Kept for statistics without anything that identifies the usager: form data, pieces and the
     * acknowledgment removed, applicant replaced by the nil UUID.
     */
    ANONYMISE
}
