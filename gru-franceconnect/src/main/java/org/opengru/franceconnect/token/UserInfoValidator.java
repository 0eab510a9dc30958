package org.opengru.franceconnect.token;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.opengru.franceconnect.internal.JwtVerifier;

/**
 * Validates a userinfo JWT like an ID token (signature, pinned algorithm, issuer and audience when
 * present, times) and requires its {@code sub} to equal the ID token's.
 */
public final class UserInfoValidator {
    private final JwtVerifier verifier;
    private final String issuer;
    private final String clientId;
    private final Duration skew;
    private final Clock clock;

    /**
     * A validator for one tenant's client.
     *
     * @param verifier decrypts and checks the signature against the provider's keys (internal)
     * @param issuer the provider's exact issuer
     * @param clientId the client the userinfo must be addressed to, when it names one
     * @param skew the tolerance on the times
     * @param clock the current time
     */
    public UserInfoValidator(JwtVerifier verifier, String issuer, String clientId, Duration skew, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.skew = Objects.requireNonNull(skew, "skew");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns the userinfo claims.
     *
     * @param userInfoJwt the userinfo answer, a JWS (or JWE with FranceConnect+)
     * @param idToken the validated ID token of the same sign-in
     * @return the claims
     * @throws TokenValidationException of the kind that names the failed check; {@link SubjectMismatchException}
     * when it describes someone else
     */
    public Map<String, Object> validate(String userInfoJwt, ValidatedIdToken idToken) {
        JWTClaimsSet claims = verifier.verify(userInfoJwt, "userinfo");
        if (claims.getIssuer() != null) {
            IdTokenValidator.checkIssuer(claims, issuer, "userinfo");
        }
        IdTokenValidator.checkAudience(claims, clientId, "userinfo", false);
        IdTokenValidator.checkTimes(claims, clock.instant(), skew, "userinfo", false);
        checkSubject(claims.getClaims(), idToken);
        return claims.toJSONObject();
    }

    /**
     * The userinfo sub must be the ID token's: otherwise it describes someone else.
     *
     * @param userInfo the userinfo claims
     * @param idToken the validated ID token
     * @throws SubjectMismatchException when the subjects differ
     */
    public static void checkSubject(Map<String, Object> userInfo, ValidatedIdToken idToken) {
        Object sub = userInfo.get("sub");
        if (!idToken.subject().equals(sub)) {
            throw new SubjectMismatchException(
                    "userinfo sub '" + sub + "' differs from the id_token sub '" + idToken.subject() + "'");
        }
    }
}
