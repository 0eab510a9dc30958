package org.opengru.franceconnect.rp;

import java.net.URI;

/**
 * The public FranceConnect platforms. Switching from integration to production is a change of
 * platform (and of the client credentials registered there), never of code.
 */
public enum Platform {
    /** FranceConnect's integration platform (test identities). */
    FRANCECONNECT_INTEGRATION(ProviderKind.FRANCECONNECT, "https://fcp-low.sbx.dev-franceconnect.fr/api/v2"),
    /** FranceConnect in production. */
    FRANCECONNECT_PRODUCTION(ProviderKind.FRANCECONNECT, "https://oidc.franceconnect.gouv.fr/api/v2"),
    /** FranceConnect+'s integration platform (test identities). */
    FRANCECONNECT_PLUS_INTEGRATION(ProviderKind.FRANCECONNECT_PLUS, "https://auth.integ01.dev-franceconnect.fr/api/v2"),
    /** FranceConnect+ in production. */
    FRANCECONNECT_PLUS_PRODUCTION(ProviderKind.FRANCECONNECT_PLUS, "https://auth.franceconnect.gouv.fr/api/v2");

    private final ProviderKind kind;
    private final URI issuer;

    Platform(ProviderKind kind, String issuer) {
        this.kind = kind;
        this.issuer = URI.create(issuer);
    }

    /**
     * Which offer the platform belongs to.
     *
     * @return FranceConnect or FranceConnect+
     */
    public ProviderKind kind() {
        return kind;
    }

    /**
     * The public platform with this exact issuer (a trailing slash aside), if any.
     *
     * @param issuer the issuer to look up
     * @return the platform, or empty for another provider
     */
    public static java.util.Optional<Platform> ofIssuer(URI issuer) {
        String wanted = issuer.toString().replaceAll("/+$", "");
        for (Platform p : values()) {
            if (p.issuer.toString().equals(wanted)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The exact issuer; discovery lives under it.
     *
     * @return the issuer
     */
    public URI issuer() {
        return issuer;
    }
}
