package org.opengru.core.request;

/** What can be done to a request; each is one or more rows of the {@link RequestLifecycle} table. */
public enum RequestAction {
    CREATE,
    EDIT,
    SUBMIT,
    /** An agent records a paper or counter request received incomplete (R112-11-2). */
    REGISTER_INCOMPLETE,
    START_REVIEW,
    REQUEST_COMPLEMENT,
    PROVIDE_COMPLEMENT,
    ACCEPT,
    REJECT,
    CLOSE_WITHOUT_FOLLOW_UP,
    WITHDRAW,
    REOPEN,
    /** The system records an implicit acceptance (silence vaut accord). */
    IMPLICIT_ACCEPT,
    /** The system records an implicit rejection (silence vaut rejet). */
    IMPLICIT_REJECT,
    /**
     * The payment a démarche asks for is recorded: by the system from the payment provider's read-back, or
     * by an agent for a payment at the counter; the request is received then.
     */
    RECORD_PAYMENT,
    /** The system records that the payment's deadline passed: the request is withdrawn (réputée abandonnée). */
    LAPSE_PAYMENT,
    /**
     * An agent takes the request in hand ("je prends"): not a row of the lifecycle table, since the status
     * does not change; see {@link RequestService#assign}. Recorded in the history like any action.
     */
    ASSIGN
}
