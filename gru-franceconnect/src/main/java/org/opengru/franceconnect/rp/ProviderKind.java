package org.opengru.franceconnect.rp;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.EnumSet;
import java.util.Set;

/** Which FranceConnect offer the tenant is registered with; each has its own rules. */
public enum ProviderKind {
    /** FranceConnect v2: eidas1 only, ES256 (recommended) or RS256, userinfo as a signed JWT. */
    FRANCECONNECT(EnumSet.of(AcrLevel.EIDAS1), Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), false),
    /** FranceConnect+: eidas2/eidas3, ES256 only, id_token and userinfo signed then encrypted. */
    FRANCECONNECT_PLUS(EnumSet.of(AcrLevel.EIDAS2, AcrLevel.EIDAS3), Set.of(JWSAlgorithm.ES256), true);

    private final Set<AcrLevel> acceptedAcr;
    private final Set<JWSAlgorithm> signingAlgorithms;
    private final boolean encryptedTokens;

    ProviderKind(Set<AcrLevel> acceptedAcr, Set<JWSAlgorithm> signingAlgorithms, boolean encryptedTokens) {
        this.acceptedAcr = Set.copyOf(acceptedAcr);
        this.signingAlgorithms = Set.copyOf(signingAlgorithms);
        this.encryptedTokens = encryptedTokens;
    }

    /**
     * The {@code acr_values} this offer accepts.
     *
     * @return the levels
     */
    public Set<AcrLevel> acceptedAcr() {
        return acceptedAcr;
    }

    /**
     * The signing algorithms a client of this offer may register.
     *
     * @return the algorithms
     */
    public Set<JWSAlgorithm> signingAlgorithms() {
        return signingAlgorithms;
    }

    /**
     * Whether id_token and userinfo arrive encrypted (JWE) to the relying party's keys.
     *
     * @return {@code true} for FranceConnect+
     */
    public boolean encryptedTokens() {
        return encryptedTokens;
    }
}
