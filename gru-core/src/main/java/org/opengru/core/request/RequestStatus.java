package org.opengru.core.request;

/** The states of a request (demande). */
public enum RequestStatus {
    /** Being filled in (brouillon): not yet received by the administration. */
    DRAFT,
    /**
     * Filled in and waiting for its payment (à payer) before a deadline: not yet received; received once
     * paid, withdrawn (réputée abandonnée) when the deadline passes.
     */
    AWAITING_PAYMENT,
    /** Received (déposée); the accusé de réception was issued. */
    SUBMITTED,
    /** Being processed by an agent (en instruction). */
    IN_REVIEW,
    /** A complement was asked for; the implicit-decision period is suspended. */
    AWAITING_COMPLEMENT,
    ACCEPTED,
    REJECTED,
    /** Closed without a decision on the merits (classée sans suite). */
    CLOSED_WITHOUT_FOLLOW_UP,
    /** Withdrawn by the applicant before a decision (désistement). */
    WITHDRAWN;

    /** Accepted, rejected or closed: only an agent's reopen leaves these. */
    public boolean decided() {
        return this == ACCEPTED || this == REJECTED || this == CLOSED_WITHOUT_FOLLOW_UP;
    }

    /** Whether the administration still has to decide (received, not decided, not withdrawn). */
    public boolean pending() {
        return this == SUBMITTED || this == IN_REVIEW || this == AWAITING_COMPLEMENT;
    }
}
