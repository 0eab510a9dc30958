package org.opengru.reports;

import java.time.Clock;
import java.time.Duration;
import org.opengru.core.tenancy.TenantId;
import org.opengru.reports.internal.Bucket4jFloodGuard;

/**
 * Port: whether one more report (or "+1") may come from an origin (the client's IP address as the host
 * sees it, or any key the host prefers). Asked before anything is checked or stored.
 */
public interface FloodGuard {

    /**
     * Takes one from the origin's allowance.
     *
     * @param tenant the collectivité
     * @param origin the client's address, or the host's key for it
     * @return {@code false} when the allowance is spent
     */
    boolean tryAcquire(TenantId tenant, String origin);

    /**
     * At most {@code reports} per {@code per} from one origin, refilled gradually (Bucket4j token
     * buckets, time from {@code clock}). Per JVM: with several nodes each allows as much; use {@link
     * org.opengru.reports.postgres.PostgresFloodGuard} there, whose buckets every node shares.
     *
     * @param reports the allowance, 1 or more
     * @param per the period over which it refills
     * @param clock the one clock
     * @return the guard
     */
    static FloodGuard perOrigin(int reports, Duration per, Clock clock) {
        return new Bucket4jFloodGuard(reports, per, clock);
    }

    /**
     * No limit: for tests and back-office imports.
     *
     * @return a guard that always allows
     */
    static FloodGuard unlimited() {
        return (tenant, origin) -> true;
    }
}
