package org.opengru.franceconnect.apiparticulier.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the calls of one API Particulier token under its rate (20 requests per second per token)
 * before they are sent, across threads and, with a shared adapter, across nodes.
 *
 * <p>Each call reserves its own send slot; slots of one token are at least {@link #spacing()} apart
 * (a generic cell rate algorithm with no burst). A {@code 429} or {@code RateLimit-Remaining: 0} pushes
 * the next slot to the end of the window, so the callers waiting for it leave one slot apart instead
 * of all at once.
 */
public interface ApiParticulierRateLimiter {

    /** API Particulier's documented limit per token. */
    int DOCUMENTED_REQUESTS_PER_SECOND = 20;

    /**
     * The answer to a reservation.
     *
     * @param granted whether the slot is the caller's (otherwise nothing was reserved)
     * @param at the slot, or the next free slot when refused (the limiter's clock)
     * @param delay how long from now until {@code at}
     */
    record Reservation(boolean granted, Instant at, Duration delay) {}

    /**
     * Reserves the next slot of this token if the caller would wait at most {@code maxWait}; otherwise
     * reserves nothing.
     *
     * @param tokenKey a non-secret key of the token (its hash), never the token itself
     * @param maxWait the longest the caller accepts to wait for its slot
     * @return the reserved slot and the delay until it, or the next free slot when refused
     */
    Reservation reserve(String tokenKey, Duration maxWait);

    /**
     * No slot of this token before {@code wait} from now (a {@code Retry-After}).
     *
     * @param tokenKey a non-secret key of the token (its hash)
     * @param wait how long the API asked to wait
     */
    void holdFor(String tokenKey, Duration wait);

    /**
     * The minimum time between two slots of one token.
     *
     * @return the spacing, 1/rate
     */
    Duration spacing();

    /**
     * The spacing for a rate, rounded up to the microsecond so that the rate is never exceeded.
     *
     * @param requestsPerSecond 1 to {@link #DOCUMENTED_REQUESTS_PER_SECOND}
     * @return the time between two slots
     * @throws org.opengru.franceconnect.InvalidConfigurationException outside that range
     */
    static Duration spacingFor(int requestsPerSecond) {
        if (requestsPerSecond < 1 || requestsPerSecond > DOCUMENTED_REQUESTS_PER_SECOND) {
            throw new org.opengru.franceconnect.InvalidConfigurationException(
                    "requestsPerSecond",
                    String.valueOf(requestsPerSecond),
                    "must be 1-" + DOCUMENTED_REQUESTS_PER_SECOND);
        }
        return Duration.ofNanos(-Math.floorDiv(-1_000_000_000L, requestsPerSecond * 1000L) * 1000L);
    }
}
