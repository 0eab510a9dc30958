package org.opengru.core.usager;

/** The kinds of usager a démarche may be open to. */
public enum UsagerKind {
    /** A natural person. */
    PERSON,
    /** A household (foyer). */
    HOUSEHOLD,
    /** A company, identified by its SIREN. */
    COMPANY,
    /** An association, identified by its RNA number. */
    ASSOCIATION
}
