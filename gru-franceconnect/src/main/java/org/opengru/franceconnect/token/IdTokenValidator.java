package org.opengru.franceconnect.token;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.flow.LoginFlowStore;
import org.opengru.franceconnect.internal.JwtVerifier;
import org.opengru.franceconnect.rp.AcrLevel;

/**
 * Validates an ID token: decryption (FranceConnect+), pinned-algorithm signature against the
 * provider's JWKS, {@code iss}, {@code aud}/{@code azp}, {@code exp}/{@code iat}/{@code nbf} with
 * clock skew, {@code nonce} (single use), {@code acr}. Thread-safe; one per tenant.
 */
public final class IdTokenValidator {
    private final JwtVerifier verifier;
    private final String tenantId;
    private final String issuer;
    private final String clientId;
    private final Duration skew;
    private final LoginFlowStore store;
    private final Clock clock;

    /**
     * A validator for one tenant's client; {@code RelyingParty} builds it (see {@code
     * RelyingParty#idTokenValidator()}).
     *
     * @param verifier decrypts and checks the signature against the provider's keys (internal)
     * @param tenantId the tenant, whose store records the used nonces
     * @param issuer the provider's exact issuer
     * @param clientId the client the token must be addressed to
     * @param skew the tolerance on {@code exp}, {@code iat} and {@code nbf}
     * @param store records used nonces, so that a replayed token is refused on every node
     * @param clock the current time
     */
    public IdTokenValidator(
            JwtVerifier verifier,
            String tenantId,
            String issuer,
            String clientId,
            Duration skew,
            LoginFlowStore store,
            Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.skew = Objects.requireNonNull(skew, "skew");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Validates an ID token; its nonce is recorded as used, so a replayed token is refused on every node.
     *
     * @param expectedNonce the nonce sent with this login
     * @param requestedAcr the level asked for in {@code acr_values}
     * @param idToken the ID token as received (JWS, or JWE with FranceConnect+)
     * @return the validated token
     * @throws TokenValidationException of the kind that names the failed check: {@link InvalidSignatureException},
     * {@link WrongIssuerException}, {@link TokenExpiredException}, {@link NonceMismatchException}, {@link
     * ReplayedNonceException}, {@link InsufficientAcrException}...
     */
    public ValidatedIdToken validate(String idToken, String expectedNonce, AcrLevel requestedAcr) {
        JWTClaimsSet claims = verifier.verify(idToken, "id_token");
        Instant now = clock.instant();
        checkIssuer(claims, issuer, "id_token");
        checkAudience(claims, clientId, "id_token", true);
        Instant exp = checkTimes(claims, now, skew, "id_token", true);
        String subject = subject(claims, "id_token");

        String nonce = string(claims, "nonce", "id_token");
        if (nonce == null
                || !MessageDigest.isEqual(
                        nonce.getBytes(StandardCharsets.UTF_8), expectedNonce.getBytes(StandardCharsets.UTF_8))) {
            throw new NonceMismatchException("id_token nonce does not match the one issued for this login");
        }
        String acrClaim = string(claims, "acr", "id_token");
        AcrLevel acr = acrClaim == null ? null : AcrLevel.parse(acrClaim).orElse(null);
        if (acr == null || !acr.atLeast(requestedAcr)) {
            throw new InsufficientAcrException(
                    "id_token acr '" + acrClaim + "' is below the requested " + requestedAcr.value());
        }
        // Last, so that a refused token does not burn the nonce of a legitimate retry.
        if (!store.markNonceUsed(tenantId, nonce, exp.plus(skew))) {
            throw new ReplayedNonceException("id_token nonce was already used: replayed token");
        }
        List<String> amr = stringList(claims, "amr");
        Date authTime = dateClaim(claims, "auth_time");
        return new ValidatedIdToken(
                idToken,
                issuer,
                subject,
                acr,
                amr,
                authTime == null ? null : authTime.toInstant(),
                exp,
                claims.toJSONObject());
    }

    static void checkIssuer(JWTClaimsSet claims, String issuer, String what) {
        if (!issuer.equals(claims.getIssuer())) {
            throw new WrongIssuerException(what + " iss '" + claims.getIssuer() + "' is not " + issuer);
        }
    }

    static void checkAudience(JWTClaimsSet claims, String clientId, String what, boolean required) {
        List<String> aud = claims.getAudience();
        if (aud.isEmpty() && !required) {
            return;
        }
        if (!aud.contains(clientId)) {
            throw new WrongAudienceException(what + " aud " + aud + " does not contain our client id");
        }
        // OpenID Connect Core 3.1.3.7: refused when it lists audiences the client does not trust, and we
        // trust none but ourselves, whatever azp says.
        if (aud.size() > 1) {
            throw new WrongAudienceException(what + " aud lists other audiences than our client id: " + aud);
        }
        Object azp = claims.getClaim("azp");
        if (azp != null && !clientId.equals(azp)) {
            throw new WrongAudienceException(what + " azp '" + azp + "' is not our client id");
        }
    }

    /** Returns exp. */
    static Instant checkTimes(JWTClaimsSet claims, Instant now, Duration skew, String what, boolean required) {
        Date exp = dateClaim(claims, "exp");
        Date iat = dateClaim(claims, "iat");
        Date nbf = dateClaim(claims, "nbf");
        if (required && (exp == null || iat == null)) {
            throw new MalformedTokenException(what + " lacks exp or iat");
        }
        if (exp != null && now.isAfter(exp.toInstant().plus(skew))) {
            throw new TokenExpiredException(what + " expired at " + exp.toInstant() + " (now " + now + ")");
        }
        if (iat != null && iat.toInstant().isAfter(now.plus(skew))) {
            throw new TokenNotYetValidException(what + " issued in the future at " + iat.toInstant());
        }
        if (nbf != null && nbf.toInstant().isAfter(now.plus(skew))) {
            throw new TokenNotYetValidException(what + " not valid before " + nbf.toInstant());
        }
        return exp == null ? now.plus(skew) : exp.toInstant();
    }

    static String subject(JWTClaimsSet claims, String what) {
        String sub = string(claims, "sub", what);
        if (sub == null || sub.isBlank() || sub.length() > 255) {
            throw new MalformedTokenException(what + " lacks a valid sub");
        }
        return sub;
    }

    static @Nullable String string(JWTClaimsSet claims, String name, String what) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new MalformedTokenException(what + " claim " + name + " is not a string", e);
        }
    }

    private static @Nullable Date dateClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getDateClaim(name);
        } catch (ParseException e) {
            throw new MalformedTokenException("claim " + name + " is not a date", e);
        }
    }

    private static List<String> stringList(JWTClaimsSet claims, String name) {
        try {
            List<String> list = claims.getStringListClaim(name);
            return list == null ? List.of() : list;
        } catch (ParseException e) {
            throw new MalformedTokenException("claim " + name + " is not a list of strings", e);
        }
    }
}
