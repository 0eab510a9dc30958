package org.opengru.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opengru.core.tenancy.TenantId;
import org.opengru.test.MutableClock;

/** The allowance per origin, refilled with the injected clock, separate per origin and per commune. */
class FloodGuardTest {

    @Test
    void anOriginGetsItsAllowanceBackAsTimePasses() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        FloodGuard guard = FloodGuard.perOrigin(2, Duration.ofHours(1), clock);
        TenantId a = TenantId.of("commune-a");
        TenantId b = TenantId.of("commune-b");

        assertThat(guard.tryAcquire(a, "203.0.113.7")).isTrue();
        assertThat(guard.tryAcquire(a, "203.0.113.7")).isTrue();
        assertThat(guard.tryAcquire(a, "203.0.113.7")).isFalse();
        assertThat(guard.tryAcquire(a, "203.0.113.8")).isTrue();
        assertThat(guard.tryAcquire(b, "203.0.113.7")).isTrue();

        clock.advance(Duration.ofMinutes(30)); // greedy refill: one back after half the period
        assertThat(guard.tryAcquire(a, "203.0.113.7")).isTrue();
        assertThat(guard.tryAcquire(a, "203.0.113.7")).isFalse();
    }
}
