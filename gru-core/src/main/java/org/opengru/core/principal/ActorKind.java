package org.opengru.core.principal;

/** The kinds of principal. */
public enum ActorKind {
    USAGER,
    AGENT,
    SYSTEM
}
