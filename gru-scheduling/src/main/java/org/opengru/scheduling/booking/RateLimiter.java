package org.opengru.scheduling.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.opengru.scheduling.internal.Check;

/**
 * Limits booking attempts per identity (usager), so that a bot cannot sweep the slots at the opening
 * rush. Instance-scoped. {@link #fixedWindow} counts in this JVM, per node (with N nodes behind a load
 * balancer, a bot gets N times the limit); {@code PostgresRateLimiter} counts in the database, so the limit
 * holds across nodes.
 */
@FunctionalInterface
public interface RateLimiter {

    /**
     * Whether one more attempt by {@code identity} is allowed at {@code now} (and counts it).
     *
     * @param identity the usager or address that attempts
     * @param now the current time
     * @return {@code true} when allowed
     */
    boolean tryAcquire(String identity, Instant now);

    /**
     * No limit: for tests and agents' tools.
     *
     * @return a limiter that always allows
     */
    static RateLimiter unlimited() {
        return (identity, now) -> true;
    }

    /**
     * At most {@code max} attempts per identity in each fixed window of {@code window}, counted in this JVM.
     *
     * @param max attempts per window
     * @param window the window's length
     * @return the limiter, thread-safe
     */
    static RateLimiter fixedWindow(int max, Duration window) {
        Check.that(max >= 1, "rateLimit.max", max, "must be at least 1");
        Check.that(!window.isNegative() && !window.isZero(), "rateLimit.window", window, "must be positive");
        record Bucket(long windowIndex, int count) {}
        ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
        long windowMillis = window.toMillis();
        return (identity, now) -> {
            long index = now.toEpochMilli() / windowMillis;
            Bucket b = buckets.compute(
                    identity,
                    (k, old) -> old == null || old.windowIndex() != index
                            ? new Bucket(index, 1)
                            : new Bucket(index, old.count() + 1));
            if (buckets.size() > 100_000) {
                buckets.values().removeIf(x -> x.windowIndex() < index);
            }
            return b.count() <= max;
        };
    }
}
