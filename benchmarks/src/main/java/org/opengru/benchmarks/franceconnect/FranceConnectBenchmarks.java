package org.opengru.benchmarks.franceconnect;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.opengru.benchmarks.Bench;
import org.opengru.franceconnect.flow.InMemoryLoginFlowStore;
import org.opengru.franceconnect.rp.AcrLevel;
import org.opengru.franceconnect.rp.ClientAuthentication;
import org.opengru.franceconnect.rp.ProviderKind;
import org.opengru.franceconnect.rp.RelyingParty;
import org.opengru.franceconnect.rp.RelyingPartyConfig;
import org.opengru.franceconnect.token.IdTokenValidator;

/**
 * ID token validation throughput with the JWKS cached, compared with bare Nimbus ES256 verification
 * (parse + verify with a ready verifier) in the same run; and how many JWKS fetches 10,000
 * validations cost. The JWKS and discovery are served by a loopback HTTP server.
 */
public final class FranceConnectBenchmarks implements Bench.Suite {
    private static final String CLIENT_ID = "bench-client";
    private static final int TOKENS = 10_000;
    private static final long WARM_UP_NANOS = 5_000_000_000L;
    private static final long MEASURE_NANOS = 20_000_000_000L;
    private static final int BATCH = 50;

    @Override
    public String name() {
        return "franceconnect";
    }

    @Override
    public void run(Bench bench) throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench-1").generate();
        AtomicInteger jwksFetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2";
        String discovery = "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\","
                + "\"token_endpoint\":\"" + issuer + "/token\",\"userinfo_endpoint\":\"" + issuer + "/userinfo\","
                + "\"jwks_uri\":\"" + issuer + "/jwks\",\"id_token_signing_alg_values_supported\":[\"ES256\"]}";
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        server.createContext("/api/v2/.well-known/openid-configuration", ex -> respond(ex, discovery));
        server.createContext("/api/v2/jwks", ex -> {
            jwksFetches.incrementAndGet();
            respond(ex, jwks);
        });
        server.start();
        try {
            Instant now = Instant.parse("2026-03-02T10:00:00Z");
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            System.err.println("signing " + TOKENS + " tokens...");
            List<String> nonces = new ArrayList<>(TOKENS);
            List<String> tokens = new ArrayList<>(TOKENS);
            ECDSASigner signer = new ECDSASigner(key);
            for (int i = 0; i < TOKENS; i++) {
                String nonce = "nonce-" + i + "-0123456789abcdefghijklmnopqrstuv";
                nonces.add(nonce);
                tokens.add(sign(signer, key, issuer, nonce, now));
            }

            // jwks_fetches: a fresh relying party, 10,000 full validations.
            jwksFetches.set(0);
            IdTokenValidator counted = validator(issuer, clock);
            for (int i = 0; i < 10_000; i++) {
                counted.validate(tokens.get(i), nonces.get(i), AcrLevel.EIDAS1);
            }
            bench.report("franceconnect.jwks_fetches", jwksFetches.get(), "fetches");

            ECDSAVerifier raw = new ECDSAVerifier(key.toECPublicKey());
            // Interleave small batches of both so that load changes on a shared machine hit both alike.
            IdTokenValidator validator = validator(issuer, clock);
            validator.validate(tokens.get(0), nonces.get(0), AcrLevel.EIDAS1); // discovery and JWKS fetch
            int next = 1;
            long rawNanos = 0;
            long fullNanos = 0;
            long rawOps = 0;
            long fullOps = 0;
            long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
            long end = warmUpEnd + MEASURE_NANOS;
            boolean measuring = false;
            while (System.nanoTime() < end) {
                if (!measuring && System.nanoTime() >= warmUpEnd) {
                    measuring = true;
                    rawNanos = fullNanos = rawOps = fullOps = 0;
                }
                long t0 = System.nanoTime();
                for (int b = 0; b < BATCH; b++) {
                    if (!SignedJWT.parse(tokens.get((int) ((rawOps + b) % tokens.size())))
                            .verify(raw)) {
                        throw new IllegalStateException("raw verification failed");
                    }
                }
                long t1 = System.nanoTime();
                long excluded = 0;
                for (int b = 0; b < BATCH; b++) {
                    if (next == tokens.size()) { // nonces are single use: a fresh relying party and store
                        long s0 = System.nanoTime(); // set-up (discovery, JWKS fetch) is not timed
                        validator = validator(issuer, clock);
                        validator.validate(tokens.get(0), nonces.get(0), AcrLevel.EIDAS1);
                        next = 1;
                        excluded += System.nanoTime() - s0;
                    }
                    validator.validate(tokens.get(next), nonces.get(next), AcrLevel.EIDAS1);
                    next++;
                }
                long t2 = System.nanoTime();
                rawNanos += t1 - t0;
                rawOps += BATCH;
                fullNanos += t2 - t1 - excluded;
                fullOps += BATCH;
            }
            double rawRate = rawOps / (rawNanos / 1e9);
            double fullRate = fullOps / (fullNanos / 1e9);
            bench.report("franceconnect.idtoken_validations_per_s", fullRate, "ops/s");
            bench.report("franceconnect.raw_es256_verifications_per_s", rawRate, "ops/s");
            bench.report("franceconnect.idtoken_ratio_to_raw_verify", fullRate / rawRate, "ratio");
        } finally {
            server.stop(0);
        }
    }

    private static IdTokenValidator validator(String issuer, Clock clock) {
        RelyingPartyConfig config = RelyingPartyConfig.builder("bench")
                .provider(ProviderKind.FRANCECONNECT, URI.create(issuer))
                .clientId(CLIENT_ID)
                .clientAuthentication(ClientAuthentication.clientSecretPost("bench-secret"))
                .redirectUri(URI.create("http://127.0.0.1/callback"))
                .build();
        return RelyingParty.builder(config)
                .store(new InMemoryLoginFlowStore())
                .clock(clock)
                .build()
                .idTokenValidator();
    }

    private static String sign(ECDSASigner signer, ECKey key, String issuer, String nonce, Instant now)
            throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(CLIENT_ID)
                .subject("b6048e95bb134ec5b1d1e1fa69f287172e91722b9354d637a1bcf2ebb0fd2ef5v1")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .claim("nonce", nonce)
                .claim("acr", "eidas1")
                .claim("amr", List.of("pwd"))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static void respond(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
