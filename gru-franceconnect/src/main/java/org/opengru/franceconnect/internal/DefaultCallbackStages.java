package org.opengru.franceconnect.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.opengru.franceconnect.callback.CallbackStages;
import org.opengru.franceconnect.callback.ExpiredStateException;
import org.opengru.franceconnect.callback.InvalidStateException;
import org.opengru.franceconnect.callback.IssuerMismatchException;
import org.opengru.franceconnect.callback.ProviderErrorException;
import org.opengru.franceconnect.callback.TokenExchangeException;
import org.opengru.franceconnect.callback.TokenResponse;
import org.opengru.franceconnect.callback.UserInfoException;
import org.opengru.franceconnect.flow.LoginFlowStore;
import org.opengru.franceconnect.flow.PendingLogin;
import org.opengru.franceconnect.rp.ClientAuthentication;
import org.opengru.franceconnect.rp.ProviderMetadata;
import org.opengru.franceconnect.rp.RelyingPartyConfig;
import org.opengru.franceconnect.rp.UserInfoFormat;
import org.opengru.franceconnect.token.IdTokenValidator;
import org.opengru.franceconnect.token.UserInfoValidator;

/** The default implementation of each callback stage. */
public final class DefaultCallbackStages {
    /** Error codes are echoed in logs and pages: printable ASCII only, bounded. */
    private static final Pattern SAFE_ERROR = Pattern.compile("[\\x20-\\x7E&&[^\"\\\\]]{1,64}");

    private DefaultCallbackStages() {}

    public static CallbackStages create(
            RelyingPartyConfig config,
            ProviderMetadata metadata,
            LoginFlowStore store,
            HttpClient http,
            IdTokenValidator idTokens,
            UserInfoValidator userInfos,
            Clock clock,
            Randoms randoms) {
        String tenant = config.tenantId();
        CallbackStages.ErrorResponseStage errorStage = p -> {
            if (p.error() == null) {
                return;
            }
            // Burn the state so that the flow cannot be resumed, and say whether it was ours.
            boolean ours = p.state() != null && store.consume(tenant, p.state()).isPresent();
            String code = SAFE_ERROR.matcher(p.error()).matches() ? p.error() : "invalid_error_code";
            String description = p.errorDescription() == null
                    ? null
                    : p.errorDescription().replaceAll("[^\\x20-\\x7E\\u00C0-\\u017F]", "?");
            throw new ProviderErrorException(
                    code,
                    description == null || description.length() <= 300 ? description : description.substring(0, 300),
                    ours);
        };
        CallbackStages.StateStage stateStage = p -> {
            if (p.state() == null || p.state().isEmpty()) {
                throw new InvalidStateException("callback without state");
            }
            PendingLogin login = store.consume(tenant, p.state())
                    .orElseThrow(() -> new InvalidStateException("unknown or already used state"));
            // Login CSRF: the state must come back to the browser that started the login.
            String binding = p.browserBinding();
            if (binding == null) {
                throw new InvalidStateException(
                        "callback without browser binding: keep AuthorizationRedirect.browserBinding()"
                                + " in the browser (cookie or HTTP session) and pass it with CallbackParameters.withBrowserBinding");
            }
            if (!java.security.MessageDigest.isEqual(
                    Randoms.s256(binding).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    login.browserBindingHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                throw new InvalidStateException("the callback does not come from the browser that started the login");
            }
            if (login.expiredAt(clock.instant())) {
                throw new ExpiredStateException(
                        "login started at " + login.createdAt() + " expired at " + login.expiresAt());
            }
            return login;
        };
        String issuer = metadata.issuer().toString();
        CallbackStages.IssuerStage issuerStage = p -> {
            if (p.iss() != null && !issuer.equals(p.iss())) {
                throw new IssuerMismatchException("callback iss '" + p.iss() + "' is not " + issuer);
            }
            if (p.iss() == null && metadata.issParameterSupported()) {
                throw new IssuerMismatchException("callback lacks the iss parameter the provider announces");
            }
        };
        CallbackStages.CodeExchangeStage exchange =
                (code, login) -> exchange(config, metadata, http, clock, randoms, code, login);
        CallbackStages.IdTokenStage idTokenStage = idTokens::validate;
        CallbackStages.UserInfoStage userInfoStage = (tokens, idToken) -> {
            HttpCalls.Response response;
            try {
                HttpRequest request = HttpRequest.newBuilder(metadata.userinfoEndpoint())
                        .timeout(config.httpTimeout())
                        .header("Authorization", "Bearer " + tokens.accessToken())
                        .header(
                                "Accept",
                                config.userInfoFormat() == UserInfoFormat.SIGNED_JWT
                                        ? "application/jwt"
                                        : "application/json")
                        .GET()
                        .build();
                response = HttpCalls.send(http, request);
            } catch (HttpCalls.CallFailedException e) {
                throw new UserInfoException("userinfo: " + e.getMessage(), 0, e);
            }
            if (!response.ok()) {
                throw new UserInfoException("userinfo answered HTTP " + response.status(), response.status(), null);
            }
            if (config.userInfoFormat() == UserInfoFormat.SIGNED_JWT) {
                if (!"application/jwt".equals(response.mediaType())) {
                    throw new UserInfoException(
                            "userinfo must be application/jwt, got '" + response.mediaType() + "'",
                            response.status(),
                            null);
                }
                return userInfos.validate(response.body().trim(), idToken);
            }
            if (!"application/json".equals(response.mediaType())) {
                throw new UserInfoException(
                        "userinfo must be application/json, got '" + response.mediaType() + "'",
                        response.status(),
                        null);
            }
            Map<String, Object> claims;
            try {
                claims = JSONObjectUtils.parse(response.body());
            } catch (ParseException e) {
                throw new UserInfoException("userinfo is not a JSON object", response.status(), e);
            }
            UserInfoValidator.checkSubject(claims, idToken);
            return claims;
        };
        return new CallbackStages(errorStage, stateStage, issuerStage, exchange, idTokenStage, userInfoStage);
    }

    private static TokenResponse exchange(
            RelyingPartyConfig config,
            ProviderMetadata metadata,
            HttpClient http,
            Clock clock,
            Randoms randoms,
            String code,
            PendingLogin login) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", config.redirectUri().toString());
        form.put("client_id", config.clientId());
        if (login.codeVerifier() != null) {
            form.put("code_verifier", login.codeVerifier());
        }
        ClientAuthentication auth = config.clientAuthentication();
        if (auth instanceof ClientAuthentication.ClientSecretPost post) {
            form.put("client_secret", post.secret());
        } else if (auth instanceof ClientAuthentication.PrivateKeyJwt jwt) {
            form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
            form.put("client_assertion", clientAssertion(config.clientId(), metadata, jwt, clock, randoms));
        }
        HttpCalls.Response response;
        try {
            response = HttpCalls.send(http, HttpCalls.postForm(metadata.tokenEndpoint(), config.httpTimeout(), form));
        } catch (HttpCalls.CallFailedException e) {
            throw new TokenExchangeException("token endpoint: " + e.getMessage(), 0, null, e.timeout(), e);
        }
        Map<String, Object> body;
        try {
            body = JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new TokenExchangeException(
                    "token endpoint answered HTTP " + response.status() + " without JSON",
                    response.status(),
                    null,
                    false,
                    e);
        }
        if (!response.ok()) {
            Object error = body.get("error");
            String code0 = error instanceof String s && SAFE_ERROR.matcher(s).matches() ? s : null;
            throw new TokenExchangeException(
                    "token endpoint answered HTTP " + response.status() + " error " + code0,
                    response.status(),
                    code0,
                    false,
                    null);
        }
        Object accessToken = body.get("access_token");
        Object idToken = body.get("id_token");
        Object type = body.get("token_type");
        if (!(accessToken instanceof String at) || !(idToken instanceof String it)) {
            throw new TokenExchangeException(
                    "token response lacks access_token or id_token", response.status(), null, false, null);
        }
        if (!(type instanceof String t) || !t.equalsIgnoreCase("Bearer")) {
            throw new TokenExchangeException(
                    "token_type '" + type + "' is not Bearer", response.status(), null, false, null);
        }
        long expiresIn = body.get("expires_in") instanceof Number n ? n.longValue() : 60;
        return new TokenResponse(at, it, clock.instant().plusSeconds(Math.max(0, expiresIn)));
    }

    private static String clientAssertion(
            String clientId,
            ProviderMetadata metadata,
            ClientAuthentication.PrivateKeyJwt auth,
            Clock clock,
            Randoms randoms) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(metadata.tokenEndpoint().toString())
                .jwtID(randoms.token())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .build();
        try {
            JWSSigner signer = auth.signingKey() instanceof ECKey ec
                    ? new ECDSASigner(ec)
                    : new RSASSASigner((RSAKey) auth.signingKey());
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(auth.algorithm())
                            .keyID(auth.signingKey().getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException | ClassCastException e) {
            throw new TokenExchangeException(
                    "could not sign the client assertion: " + e.getMessage(), 0, null, false, e);
        }
    }
}
