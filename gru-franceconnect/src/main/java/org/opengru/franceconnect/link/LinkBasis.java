package org.opengru.franceconnect.link;

/** Why a FranceConnect account was linked to an usager. There is deliberately no "same e-mail". */
public enum LinkBasis {
    /** A new usager was created from the FranceConnect identity. */
    CREATED,
    /** The existing usager's six pivot attributes equal FranceConnect's. */
    PIVOT_MATCH,
    /** The usager, signed in to the existing account in the same session, confirmed it is theirs. */
    EXPLICIT_CONFIRMATION
}
