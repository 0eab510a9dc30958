package org.opengru.core.usager;

/** Where an identity or contact attribute comes from. */
public enum Provenance {
    /** Declared by the usager (or typed by an agent from their words): not checked. */
    DECLARED,
    /** Certified by FranceConnect (identité pivot of the identity provider). */
    FRANCECONNECT_CERTIFIED,
    /** Checked by an agent against a document (identity card, livret de famille...). */
    AGENT_VERIFIED;

    /**
     * Whether the value was checked by someone other than the usager.
     *
     * @return {@code true} unless declared
     */
    public boolean checked() {
        return this != DECLARED;
    }
}
