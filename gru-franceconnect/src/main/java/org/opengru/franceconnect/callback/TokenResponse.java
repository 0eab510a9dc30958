package org.opengru.franceconnect.callback;

import java.time.Instant;
import java.util.Objects;

/**
 * The token endpoint's answer.
 *
 * @param accessToken valid 60 s at FranceConnect: fetch userinfo (and call API Particulier's
 *     /france_connect routes) at once
 * @param idToken the ID token as received
 * @param accessTokenExpiresAt from {@code expires_in}
 */
public record TokenResponse(String accessToken, String idToken, Instant accessTokenExpiresAt) {
    /**
     * Checks that every token is given.
     *
     * @param accessToken valid 60 s at FranceConnect: fetch userinfo (and call API Particulier's /france_connect routes) at once
     * @param idToken the ID token as received
     * @param accessTokenExpiresAt from {@code expires_in}
     * @throws NullPointerException naming the missing value
     */
    public TokenResponse {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
    }

    @Override
    public String toString() {
        return "TokenResponse[accessTokenExpiresAt=" + accessTokenExpiresAt + "]";
    }
}
