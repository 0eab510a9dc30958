package org.opengru.franceconnect.identity;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who signed in.
 *
 * @param issuer the provider; accounts are keyed on (issuer, subject), never on the email
 * @param subject FranceConnect's per-service pseudonymous {@code sub}
 * @param pivot the identité pivot, when its scopes were requested
 * @param email the email the person gave the identity provider: contact only, never a key
 * @param preferredUsername the usage name (nom d'usage), when given
 * @param claims every userinfo claim
 */
public record FranceConnectIdentity(
        String issuer,
        String subject,
        @Nullable IdentityPivot pivot,
        @Nullable String email,
        @Nullable String preferredUsername,
        Map<String, Object> claims) {

    /**
     * Copies the claims, so that the record stays immutable.
     *
     * @param issuer the provider; accounts are keyed on (issuer, subject), never on the email
     * @param subject FranceConnect's per-service pseudonymous {@code sub}
     * @param pivot the identité pivot, when its scopes were requested
     * @param email the email the person gave the identity provider: contact only, never a key
     * @param preferredUsername the usage name (nom d'usage), when given
     * @param claims every userinfo claim
     */
    public FranceConnectIdentity {
        claims = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(claims));
    }

    /**
     * The identité pivot, when its scopes were requested.
     *
     * @return the pivot, or empty
     */
    public Optional<IdentityPivot> pivotIfPresent() {
        return Optional.ofNullable(pivot);
    }

    /**
     * From verified userinfo claims.
     *
     * @param issuer the provider that signed the ID token
     * @param subject the ID token's {@code sub}, already checked equal to userinfo's
     * @param claims the userinfo claims
     * @return the identity
     * @throws InvalidIdentityClaimException when a pivot claim is present with a wrong format
     */
    public static FranceConnectIdentity fromClaims(String issuer, String subject, Map<String, Object> claims) {
        Object email = claims.get("email");
        Object username = claims.get("preferred_username");
        return new FranceConnectIdentity(
                issuer,
                subject,
                IdentityPivot.fromClaims(claims).orElse(null),
                email instanceof String e && !e.isBlank() ? e : null,
                username instanceof String u && !u.isBlank() ? u : null,
                claims);
    }

    @Override
    public String toString() {
        // Personal data stays out of logs.
        return "FranceConnectIdentity[issuer=" + issuer + ", subject=" + subject + "]";
    }
}
