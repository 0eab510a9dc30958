package org.opengru.franceconnect.jwks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengru.franceconnect.HostileProvider;
import org.opengru.test.MutableClock;

/** The key cache against a real JWKS endpoint on loopback. */
class JwksCacheTest {
    private final HostileProvider provider = new HostileProvider();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final List<Runnable> scheduled = new ArrayList<>();
    private final JwksCache cache = new JwksCache(
            URI.create(provider.issuer() + "/jwks"),
            JwksFetcher.http(HttpClient.newHttpClient(), Duration.ofSeconds(2)),
            new JwksCacheConfig(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(30)),
            clock,
            scheduled::add);

    @AfterEach
    void stop() {
        provider.close();
    }

    private String kid() {
        return provider.signingKey.getKeyID();
    }

    @Test
    void keys_are_fetched_once_and_served_from_cache() {
        for (int i = 0; i < 1000; i++) {
            assertThat(cache.find(kid(), JWSAlgorithm.ES256)).isPresent();
        }
        assertThat(provider.jwksFetches.get()).isEqualTo(1);
        assertThat(cache.fetchCount()).isEqualTo(1);
    }

    @Test
    void old_keys_are_refreshed_ahead_in_the_background_while_still_served() {
        cache.find(kid(), JWSAlgorithm.ES256);
        clock.advance(Duration.ofMinutes(6));
        assertThat(cache.find(kid(), JWSAlgorithm.ES256)).isPresent();
        assertThat(cache.find(kid(), JWSAlgorithm.ES256)).isPresent();
        assertThat(scheduled).hasSize(1); // one refresh scheduled, however many lookups
        assertThat(provider.jwksFetches.get()).isEqualTo(1);
        scheduled.remove(0).run();
        assertThat(provider.jwksFetches.get()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(1));
        cache.find(kid(), JWSAlgorithm.ES256);
        assertThat(scheduled).isEmpty();
    }

    @Test
    void a_provider_outage_is_tolerated_while_cached_keys_are_valid() {
        cache.find(kid(), JWSAlgorithm.ES256);
        provider.jwksDown = true;
        clock.advance(Duration.ofMinutes(30));
        assertThat(cache.find(kid(), JWSAlgorithm.ES256)).isPresent();
        scheduled.forEach(Runnable::run); // the refresh fails quietly
        assertThat(cache.find(kid(), JWSAlgorithm.ES256)).isPresent();
        clock.advance(Duration.ofMinutes(31)); // beyond maxStale: no longer trusted
        assertThatThrownBy(() -> cache.find(kid(), JWSAlgorithm.ES256)).isInstanceOf(JwksUnavailableException.class);
        provider.jwksDown = false;
        assertThat(cache.find(kid(), JWSAlgorithm.ES256)).isPresent();
    }

    @Test
    void no_keys_at_all_is_a_typed_error() {
        provider.jwksDown = true;
        assertThatThrownBy(() -> cache.find(kid(), JWSAlgorithm.ES256)).isInstanceOf(JwksUnavailableException.class);
    }

    @Test
    void an_unknown_kid_triggers_at_most_one_fetch_per_interval() {
        cache.find(kid(), JWSAlgorithm.ES256);
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 500; i++) {
            assertThat(cache.find("forged-" + i, JWSAlgorithm.ES256)).isEmpty();
        }
        assertThat(provider.jwksFetches.get()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(31));
        assertThat(cache.find("forged-again", JWSAlgorithm.ES256)).isEmpty();
        assertThat(provider.jwksFetches.get()).isEqualTo(3);
    }

    @Test
    void a_rotated_key_is_found_by_refetch_and_the_old_one_keeps_working_while_published() {
        String oldKid = kid();
        cache.find(oldKid, JWSAlgorithm.ES256);
        clock.advance(Duration.ofMinutes(1));
        ECKey next = HostileProvider.newKey("fc-key-2");
        provider.published = new JWKSet(List.of(provider.signingKey.toPublicJWK(), next.toPublicJWK()));
        assertThat(cache.find("fc-key-2", JWSAlgorithm.ES256)).isPresent();
        assertThat(cache.find(oldKid, JWSAlgorithm.ES256)).isPresent();
    }

    @Test
    void keys_of_another_type_or_use_are_not_selected() {
        assertThat(cache.find(kid(), JWSAlgorithm.RS256)).isEmpty();
    }

    @Test
    void concurrent_lookups_of_forged_kids_cause_one_fetch() throws Exception {
        cache.find(kid(), JWSAlgorithm.ES256);
        clock.advance(Duration.ofMinutes(1));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 50; i++) {
                        assertThat(cache.find("forged-" + thread + "-" + i, JWSAlgorithm.ES256))
                                .isEmpty();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(provider.jwksFetches.get()).isEqualTo(2);
    }
}
