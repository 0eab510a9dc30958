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
     * An agent takes the request in hand ("je prends"): not a row of the lifecycle table, since the status
     * does not change; see {@link RequestService#assign}. Recorded in the history like any action.
     */
    ASSIGN
}
