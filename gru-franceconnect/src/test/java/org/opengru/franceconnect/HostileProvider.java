package org.opengru.franceconnect;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A loopback HTTP server that plays the provider's side of the wire with real keys, and lets a test
 * choose exactly which (possibly hostile) id_token and userinfo the token and userinfo endpoints
 * return. Used for the attack tests, where a conforming provider cannot produce the hostile input.
 * The full flow against a real provider is in {@code MockOAuth2ServerFlowTest}.
 */
public final class HostileProvider implements AutoCloseable {
    public static final String CLIENT_ID = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    public static final String CLIENT_SECRET = "a-secret-of-the-commune-0123456789abcdef";
    public static final String SUB = "b6048e95bb134ec5b1d1e1fa69f287172e91722b9354d637a1bcf2ebb0fd2ef5v1";

    private final HttpServer server;
    private final URI issuer;
    public volatile ECKey signingKey;
    public volatile JWKSet published;
    public final AtomicInteger jwksFetches = new AtomicInteger();
    public final AtomicInteger tokenCalls = new AtomicInteger();
    public final ConcurrentLinkedQueue<Map<String, String>> tokenRequests = new ConcurrentLinkedQueue<>();
    public volatile Supplier<String> idToken = () -> {
        throw new IllegalStateException("no id_token prepared");
    };
    public volatile Supplier<String> userInfo = () -> {
        throw new IllegalStateException("no userinfo prepared");
    };
    public volatile boolean jwksDown;
    public volatile boolean discoveryDown;
    public final AtomicInteger discoveryFetches = new AtomicInteger();
    public volatile boolean announceIss;
    public volatile String acrValues = "\"eidas1\"";
    public volatile String discoveryIssuer = null;
    public volatile String userInfoContentType = "application/jwt";
    /** When set, the token endpoint hangs until it is released (a provider that does not answer). */
    public volatile java.util.concurrent.CountDownLatch tokenHold;
    /** The relying party's registered public key for private_key_jwt, if any. */
    public volatile com.nimbusds.jose.jwk.@org.jspecify.annotations.Nullable JWK clientAssertionKey;

    public HostileProvider() {
        try {
            signingKey = newKey("fc-key-1");
            published = new JWKSet(signingKey.toPublicJWK());
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2");
        server.createContext("/api/v2/.well-known/openid-configuration", ex -> {
            discoveryFetches.incrementAndGet();
            if (discoveryDown) {
                respond(ex, 503, "text/plain", "down");
            } else {
                respond(ex, 200, "application/json", discovery());
            }
        });
        server.createContext("/api/v2/jwks", ex -> {
            jwksFetches.incrementAndGet();
            if (jwksDown) {
                respond(ex, 503, "text/plain", "down");
            } else {
                respond(ex, 200, "application/json", published.toString());
            }
        });
        server.createContext("/api/v2/token", ex -> {
            tokenCalls.incrementAndGet();
            var hold = tokenHold;
            if (hold != null) {
                try {
                    hold.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = parseForm(body);
            tokenRequests.add(form);
            if (ex.getRequestHeaders().containsKey("Authorization")) {
                respond(
                        ex,
                        400,
                        "application/json",
                        "{\"error\":\"invalid_client\",\"error_description\":\"basic is not enabled\"}");
                return;
            }
            if (form.containsKey("client_assertion")) {
                if (!clientAssertionValid(form.get("client_assertion"))) {
                    respond(ex, 401, "application/json", "{\"error\":\"invalid_client\"}");
                    return;
                }
            } else if (!CLIENT_SECRET.equals(form.get("client_secret"))) {
                respond(ex, 401, "application/json", "{\"error\":\"invalid_client\"}");
                return;
            }
            respond(
                    ex,
                    200,
                    "application/json",
                    "{\"access_token\":\"at-" + tokenCalls.get()
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":60,\"id_token\":\"" + idToken.get() + "\"}");
        });
        server.createContext("/api/v2/userinfo", ex -> respond(ex, 200, userInfoContentType, userInfo.get()));
        server.start();
    }

    private boolean clientAssertionValid(String assertion) {
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            var key = clientAssertionKey;
            boolean signed = key != null
                    && jwt.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(
                            key.toECKey().toECPublicKey()));
            var claims = jwt.getJWTClaimsSet();
            return signed
                    && CLIENT_ID.equals(claims.getIssuer())
                    && CLIENT_ID.equals(claims.getSubject())
                    && claims.getAudience().contains(issuer + "/token");
        } catch (java.text.ParseException | JOSEException e) {
            return false;
        }
    }

    public static ECKey newKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI issuer() {
        return issuer;
    }

    private String discovery() {
        String i = issuer.toString();
        String announced = discoveryIssuer != null ? discoveryIssuer : i;
        return "{\"issuer\":\"" + announced + "\",\"authorization_endpoint\":\"" + i
                + "/authorize\",\"token_endpoint\":\"" + i
                + "/token\",\"userinfo_endpoint\":\"" + i + "/userinfo\",\"jwks_uri\":\"" + i + "/jwks\","
                + "\"end_session_endpoint\":\"" + i + "/session/end\","
                + "\"id_token_signing_alg_values_supported\":[\"ES256\",\"RS256\"],"
                + "\"userinfo_signing_alg_values_supported\":[\"ES256\",\"RS256\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_post\",\"private_key_jwt\"],"
                + "\"acr_values_supported\":[" + acrValues + "],\"code_challenge_methods_supported\":[\"S256\"],"
                + "\"authorization_response_iss_parameter_supported\":" + announceIss + "}";
    }

    /** Claims of a valid FranceConnect id_token for this nonce. */
    public JWTClaimsSet.Builder idTokenClaims(String nonce, Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer.toString())
                .audience(CLIENT_ID)
                .subject(SUB)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .claim("nonce", nonce)
                .claim("acr", "eidas1")
                .claim("amr", List.of("pwd"))
                .claim("idp_id", "fia1v2");
    }

    /** Claims of a FranceConnect userinfo JWT. */
    public JWTClaimsSet.Builder userInfoClaims(String sub, Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer.toString())
                .audience(CLIENT_ID)
                .subject(sub)
                .issueTime(Date.from(now))
                .claim("given_name", "Angela Claire Louise")
                .claim("given_name_array", List.of("Angela", "Claire", "Louise"))
                .claim("family_name", "DUBOIS")
                .claim("birthdate", "1962-08-24")
                .claim("gender", "female")
                .claim("birthplace", "75107")
                .claim("birthcountry", "99100")
                .claim("preferred_username", "")
                .claim("email", "wossewodda-3728@yopmail.com");
    }

    public String sign(JWTClaimsSet claims) {
        return sign(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(signingKey.getKeyID())
                        .build(),
                claims,
                signingKey);
    }

    public static String sign(JWSHeader header, JWTClaimsSet claims, ECKey key) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** Query parameters of a URL. */
    public static Map<String, String> query(URI uri) {
        return parseForm(uri.getRawQuery());
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
