package org.opengru.test.scheduling;

import java.time.Duration;
import org.opengru.scheduling.booking.RateLimiter;

/** The rate-limiter contract on the per-node {@link RateLimiter#fixedWindow}. */
class InMemoryRateLimiterTest extends RateLimiterContract {

    @Override
    protected RateLimiter newLimiter(int max, Duration window) {
        return RateLimiter.fixedWindow(max, window);
    }
}
