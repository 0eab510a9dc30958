package org.opengru.franceconnect.rp;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.identity.FranceConnectIdentity;
import org.opengru.franceconnect.token.ValidatedIdToken;

/**
 * A completed, fully checked sign-in.
 *
 * @param idToken keep {@code idToken.raw()} in the session: it is the {@code id_token_hint} of logout
 * @param accessToken FranceConnect access token, valid about 60 s: only for API Particulier's
 *     /france_connect routes, right now
 * @param returnTo what the application passed to {@link RelyingParty#startLogin(String)}
 * @param tenantId the commune whose client signed in
 * @param identity who signed in, with the identité pivot
 * @param accessTokenExpiresAt when the access token stops working (for API Particulier's FranceConnect routes)
 */
public record FranceConnectLogin(
        String tenantId,
        ValidatedIdToken idToken,
        FranceConnectIdentity identity,
        String accessToken,
        Instant accessTokenExpiresAt,
        @Nullable String returnTo) {

    @Override
    public String toString() {
        return "FranceConnectLogin[tenant=" + tenantId + ", identity=" + identity + ", acr="
                + idToken.acr().value() + "]";
    }
}
