package org.opengru.franceconnect.rp;

/** How the provider returns userinfo. */
public enum UserInfoFormat {
    /** {@code application/jwt}, signed (and encrypted on FranceConnect+): FranceConnect's format. */
    SIGNED_JWT,
    /**
     * Plain {@code application/json}, trusted on the strength of TLS alone. Only for providers that
     * cannot sign userinfo (local test providers); refused on every public FranceConnect platform.
     */
    PLAIN_JSON
}
