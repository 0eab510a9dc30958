package org.opengru.test.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.test.scheduling.SchedulingFixture.MONDAY_9AM;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opengru.scheduling.booking.RateLimiter;

/**
 * The behaviour every fixed-window {@link RateLimiter} must show. Subclass it once per implementation with
 * {@link #newLimiter} returning a limiter with no attempts counted yet.
 */
public abstract class RateLimiterContract {

    /** At most {@code max} attempts per identity in each fixed window; nothing counted yet. */
    protected abstract RateLimiter newLimiter(int max, Duration window);

    /** The start of a one-minute window. */
    protected static final Instant WINDOW = MONDAY_9AM;

    protected static int allowed(RateLimiter limiter, String identity, Instant at, int attempts) {
        int ok = 0;
        for (int i = 0; i < attempts; i++) {
            if (limiter.tryAcquire(identity, at)) {
                ok++;
            }
        }
        return ok;
    }

    @Test
    void allowsMaxAttemptsInAWindowThenRefuses() {
        RateLimiter limiter = newLimiter(3, Duration.ofMinutes(1));
        assertThat(allowed(limiter, "t|bot", WINDOW, 3)).isEqualTo(3);
        assertThat(limiter.tryAcquire("t|bot", WINDOW.plusSeconds(59))).isFalse();
    }

    @Test
    void identitiesAreCountedApart() {
        RateLimiter limiter = newLimiter(2, Duration.ofMinutes(1));
        assertThat(allowed(limiter, "t|bot", WINDOW, 5)).isEqualTo(2);
        assertThat(allowed(limiter, "t|resident", WINDOW, 2)).isEqualTo(2);
        assertThat(allowed(limiter, "other-commune|bot", WINDOW, 2)).isEqualTo(2);
    }

    @Test
    void aNewWindowStartsAfresh() {
        RateLimiter limiter = newLimiter(2, Duration.ofMinutes(1));
        assertThat(allowed(limiter, "t|bot", WINDOW, 4)).isEqualTo(2);
        assertThat(allowed(limiter, "t|bot", WINDOW.plusSeconds(60), 4)).isEqualTo(2);
        assertThat(allowed(limiter, "t|bot", WINDOW.plus(Duration.ofHours(5)), 1))
                .isEqualTo(1);
    }
}
