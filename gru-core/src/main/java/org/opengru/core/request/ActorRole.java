package org.opengru.core.request;

/** Who may fire a transition, relative to the request. */
public enum ActorRole {
    /** An usager who may act for the request's applicant (themselves, their household, a mandate). */
    APPLICANT,
    /** An agent of the team the request routes to. */
    AGENT,
    /** An agent of the routed team, on a request an agent keyed in for a resident. */
    KEYING_AGENT,
    /** The system (deadline sweeper). */
    SYSTEM
}
