package org.opengru.core.usager;

/** The kinds of usager a démarche may be open to. */
public enum UsagerKind {
    PERSON,
    HOUSEHOLD,
    COMPANY,
    ASSOCIATION
}
