package org.opengru.core.principal;

/** The kinds of principal. */
public enum ActorKind {
    /** A resident (usager) acting for themselves or for someone they represent. */
    USAGER,
    /** An agent of the collectivité. */
    AGENT,
    /** OpenGRU itself (a sweeper, an import), named by component. */
    SYSTEM
}
