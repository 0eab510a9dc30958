package org.opengru.franceconnect.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.rp.AcrLevel;

/**
 * An ID token that passed every check.
 *
 * @param raw the token as received, kept as {@code id_token_hint} for logout
 * @param issuer the provider
 * @param subject the per-service pseudonymous {@code sub}: key accounts on (issuer, subject)
 * @param acr the reached eIDAS level
 * @param amr the authentication methods, when requested
 * @param authTime the authentication instant, when given
 * @param claims every claim, for application-specific use
 * @param expiresAt the token's {@code exp}
 */
public record ValidatedIdToken(
        String raw,
        String issuer,
        String subject,
        AcrLevel acr,
        List<String> amr,
        @Nullable Instant authTime,
        Instant expiresAt,
        Map<String, Object> claims) {

    /**
     * Copies the lists and the claims, so that the record stays immutable.
     *
     * @param raw the token as received, kept as {@code id_token_hint} for logout
     * @param issuer the provider
     * @param subject the per-service pseudonymous {@code sub}: key accounts on (issuer, subject)
     * @param acr the reached eIDAS level
     * @param amr the authentication methods, when requested
     * @param authTime the authentication instant, when given
     * @param expiresAt the token's {@code exp}
     * @param claims every claim, for application-specific use
     */
    public ValidatedIdToken {
        amr = List.copyOf(amr);
        claims = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(claims));
    }

    @Override
    public String toString() {
        return "ValidatedIdToken[issuer=" + issuer + ", subject=" + subject + ", acr=" + acr.value() + "]";
    }
}
