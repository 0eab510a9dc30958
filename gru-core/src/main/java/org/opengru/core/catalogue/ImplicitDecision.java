package org.opengru.core.catalogue;

/** What the administration's silence means when the period runs out. */
public enum ImplicitDecision {
    /** No implicit decision (the procedure is an exception to the rule). */
    NONE,
    /** Silence vaut accord (SVA): the request is accepted. */
    ACCEPTANCE,
    /** Silence vaut rejet (SVR): the request is rejected. */
    REJECTION
}
