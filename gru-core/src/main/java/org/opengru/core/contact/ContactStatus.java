package org.opengru.core.contact;

/** Where a contact stands. */
public enum ContactStatus {
    /** Recorded against its usager or request; nothing left to do. */
    RECORDED,
    /** An e-mail that named no request: an agent links it to an usager or a request. */
    TO_TRIAGE,
    /**
     * Suspicious or malformed (forged reply token, failed sender authentication, sender other than the
     * applicant, refused attachment): held for an agent, never attached to a request on its own.
     */
    QUARANTINED,
    /** Triaged by an agent. */
    TRIAGED,
    /**
     * Written by a machine (an out-of-office reply, a mailing list, a delivery report): kept out of the
     * request's thread, shown to agents as such, nothing to do.
     */
    AUTOMATIC
}
