package org.opengru.spring.actuate;

import java.time.Clock;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * A health check that calls out (an identity provider, the ClamAV daemon), run in the background by
 * {@link GruHealthRefresh}: {@link #health()} answers with the last result and its time ({@code
 * checkedAt}), and never calls out itself, so that a probe hitting {@code /actuator/health} often costs the
 * providers nothing and never waits on their timeouts. UNKNOWN until the first check ran.
 */
public final class CachedHealthIndicator implements HealthIndicator {

    private final String name;
    private final HealthIndicator check;
    private final Clock clock;
    private volatile Health last;

    public CachedHealthIndicator(String name, HealthIndicator check, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.check = Objects.requireNonNull(check, "check");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.last = Health.unknown()
                .withDetail("checkedAt", "not yet: the first check runs in the background")
                .build();
    }

    /** The check's name, also the name of its background job. */
    public String name() {
        return name;
    }

    /** Runs the check now and keeps its result (the background job calls this). */
    public void refresh() {
        Health result;
        try {
            result = check.health();
        } catch (RuntimeException e) {
            result = Health.down(e).build();
        }
        Status status = result == null ? Status.UNKNOWN : result.getStatus();
        Health.Builder kept = Health.status(status);
        if (result != null) {
            kept.withDetails(result.getDetails());
        }
        last = kept.withDetail("checkedAt", clock.instant().toString()).build();
    }

    @Override
    public Health health() {
        return last;
    }
}
