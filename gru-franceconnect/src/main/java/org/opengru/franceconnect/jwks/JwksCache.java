package org.opengru.franceconnect.jwks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's signing keys, cached.
 *
 * <ul>
 *   <li>Refresh-ahead: once the keys are older than {@code refreshAhead}, the next lookup schedules
 *       one background refresh and keeps serving the cached keys.
 *   <li>Unknown {@code kid} (key rotation): one synchronous refetch, at most once per {@code
 *       minRefetchInterval} whatever the number of callers; otherwise the lookup fails at once, so
 *       forged kids cannot make us hammer the provider.
 *   <li>Outage: a failed fetch keeps the cached keys until they are {@code maxStale} old.
 * </ul>
 *
 * Thread-safe; one instance per provider (per tenant issuer).
 */
public final class JwksCache {
    private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);

    private record Snapshot(JWKSet keys, Instant fetchedAt) {}

    private final URI jwksUri;
    private final JwksFetcher fetcher;
    private final JwksCacheConfig config;
    private final Clock clock;
    private final Executor refreshExecutor;
    private final ReentrantLock fetchLock = new ReentrantLock();
    private final AtomicBoolean refreshScheduled = new AtomicBoolean();
    private final AtomicLong fetches = new AtomicLong();
    private volatile @Nullable Snapshot snapshot;
    private volatile @Nullable Instant lastAttempt;

    /**
     * A cache of one provider's signing keys; nothing is fetched before the first use.
     *
     * @param refreshExecutor runs the refresh-ahead; {@code Runnable::run} refreshes in the calling
     *     thread (only one caller at a time ever does)
     * @param jwksUri the provider's {@code jwks_uri}
     * @param fetcher fetches the key set
     * @param config when to refresh, and how long keys stay trusted during an outage
     * @param clock the ages of the cached keys
     */
    public JwksCache(URI jwksUri, JwksFetcher fetcher, JwksCacheConfig config, Clock clock, Executor refreshExecutor) {
        this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshExecutor = Objects.requireNonNull(refreshExecutor, "refreshExecutor");
    }

    /**
     * Where the keys are fetched from.
     *
     * @return the provider's {@code jwks_uri}
     */
    public URI jwksUri() {
        return jwksUri;
    }

    /**
     * How many times the JWKS was fetched (successfully or not).
     *
     * @return the number of fetches since the cache was created
     */
    public long fetchCount() {
        return fetches.get();
    }

    /**
     * The public signing key with this {@code kid}, usable for {@code algorithm}; refetches once
     * (rate-limited) when the kid is unknown.
     *
     * @param kid {@code null} selects the only suitable key, if there is exactly one
     * @param algorithm the token's {@code alg}; a key for another algorithm is never returned
     * @return the key, or empty when the provider has none for this kid
     * @throws JwksUnavailableException when no keys can be had at all
     */
    public Optional<JWK> find(@Nullable String kid, JWSAlgorithm algorithm) {
        Snapshot current = currentSnapshot();
        Optional<JWK> key = select(current.keys(), kid, algorithm);
        if (key.isPresent()) {
            return key;
        }
        if (refetchIfAllowed(current)) {
            return select(Objects.requireNonNull(snapshot).keys(), kid, algorithm);
        }
        return Optional.empty();
    }

    /**
     * After a signature failure with a known kid: the provider may have replaced the key under the
     * same kid. Refetches (rate-limited) and returns the key again if it changed.
     *
     * @param kid the token's {@code kid}, or {@code null}
     * @param algorithm the token's {@code alg}
     * @param failedKey the key the signature failed with
     * @return the new key, or empty when it did not change (the signature is then bad)
     */
    public Optional<JWK> findAfterSignatureFailure(@Nullable String kid, JWSAlgorithm algorithm, JWK failedKey) {
        Snapshot current = currentSnapshot();
        if (!refetchIfAllowed(current)) {
            return Optional.empty();
        }
        return select(Objects.requireNonNull(snapshot).keys(), kid, algorithm).filter(k -> !k.equals(failedKey));
    }

    private Snapshot currentSnapshot() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || age(current, now).compareTo(config.maxStale()) >= 0) {
            return fetchBlocking(current);
        }
        if (age(current, now).compareTo(config.refreshAhead()) >= 0 && refreshScheduled.compareAndSet(false, true)) {
            try {
                refreshExecutor.execute(this::refreshInBackground);
            } catch (RuntimeException e) {
                refreshScheduled.set(false);
                LOG.warn("JWKS refresh of {} could not be scheduled: {}", jwksUri, e.toString());
            }
        }
        return current;
    }

    private void refreshInBackground() {
        try {
            fetchLock.lock();
            try {
                Snapshot current = snapshot;
                if (current == null || age(current, clock.instant()).compareTo(config.refreshAhead()) >= 0) {
                    doFetch();
                }
            } finally {
                fetchLock.unlock();
            }
        } catch (JwksUnavailableException e) {
            // Outage tolerance: keep serving the cached keys until maxStale.
            LOG.warn("JWKS refresh of {} failed, keeping cached keys: {}", jwksUri, e.getMessage());
        } finally {
            refreshScheduled.set(false);
        }
    }

    private Snapshot fetchBlocking(@Nullable Snapshot seen) {
        fetchLock.lock();
        try {
            Snapshot current = snapshot;
            if (current != seen
                    && current != null
                    && age(current, clock.instant()).compareTo(config.maxStale()) < 0) {
                return current; // another thread fetched meanwhile
            }
            return doFetch();
        } finally {
            fetchLock.unlock();
        }
    }

    private boolean refetchIfAllowed(Snapshot seen) {
        fetchLock.lock();
        try {
            if (snapshot != seen) {
                return true; // someone else fetched since we looked: use theirs, no new request
            }
            Instant attempt = lastAttempt;
            Instant now = clock.instant();
            if (attempt != null && Duration.between(attempt, now).compareTo(config.minRefetchInterval()) < 0) {
                return false;
            }
            try {
                doFetch();
                return true;
            } catch (JwksUnavailableException e) {
                LOG.warn("JWKS refetch of {} failed, keeping cached keys: {}", jwksUri, e.getMessage());
                return false;
            }
        } finally {
            fetchLock.unlock();
        }
    }

    /** Caller holds {@link #fetchLock}. */
    private Snapshot doFetch() {
        lastAttempt = clock.instant();
        fetches.incrementAndGet();
        JWKSet keys = fetcher.fetch(jwksUri).toPublicJWKSet();
        Snapshot fresh = new Snapshot(keys, clock.instant());
        snapshot = fresh;
        return fresh;
    }

    private static Duration age(Snapshot snapshot, Instant now) {
        return Duration.between(snapshot.fetchedAt(), now);
    }

    private static Optional<JWK> select(JWKSet keys, @Nullable String kid, JWSAlgorithm algorithm) {
        KeyType type = KeyType.forAlgorithm(algorithm);
        List<JWK> candidates = keys.getKeys().stream()
                .filter(k -> type.equals(k.getKeyType()))
                .filter(k -> k.getKeyUse() == null || KeyUse.SIGNATURE.equals(k.getKeyUse()))
                .filter(k -> k.getAlgorithm() == null || algorithm.equals(k.getAlgorithm()))
                .filter(k -> kid == null || kid.equals(k.getKeyID()))
                .toList();
        if (kid == null && candidates.size() != 1) {
            return Optional.empty();
        }
        return candidates.stream().findFirst();
    }
}
