package org.opengru.reports.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengru.core.error.ValidationException;
import org.opengru.core.tenancy.TenantId;
import org.opengru.reports.FloodGuard;

/**
 * One Bucket4j token bucket per (collectivité, origin), in a bounded map: the least recently seen origins
 * are forgotten first, so that a sweep of addresses cannot exhaust the memory (a forgotten origin starts
 * again with a full allowance, which only an origin idle for that long gets).
 */
public final class Bucket4jFloodGuard implements FloodGuard {

    private static final int MAX_ORIGINS = 100_000;

    private record Key(TenantId tenant, String origin) {}

    private final int reports;
    private final Duration per;
    private final TimeMeter time;
    private final Map<Key, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Bucket> eldest) {
            return size() > MAX_ORIGINS;
        }
    };

    public Bucket4jFloodGuard(int reports, Duration per, Clock clock) {
        if (reports < 1) {
            throw new ValidationException("floodGuard.reports", reports, "must be 1 or more");
        }
        if (per == null || per.isNegative() || per.isZero()) {
            throw new ValidationException("floodGuard.per", per, "must be a positive duration");
        }
        this.reports = reports;
        this.per = per;
        this.time = new ClockTime(clock);
    }

    @Override
    public boolean tryAcquire(TenantId tenant, String origin) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(
                    new Key(tenant, origin),
                    k -> Bucket.builder()
                            .addLimit(limit -> limit.capacity(reports).refillGreedy(reports, per))
                            .withCustomTimePrecision(time)
                            .build());
        }
        return bucket.tryConsume(1);
    }
}
