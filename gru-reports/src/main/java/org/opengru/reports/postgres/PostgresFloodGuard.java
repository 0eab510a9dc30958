package org.opengru.reports.postgres;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.sql.DataSource;
import org.opengru.core.error.ValidationException;
import org.opengru.core.tenancy.TenantId;
import org.opengru.reports.FloodGuard;
import org.opengru.reports.internal.ClockTime;

/**
 * The flood guard shared by every node: one Bucket4j token bucket per (collectivité, origin) in the table
 * {@code report_flood_bucket} (migration reports V2), read and written under {@code SELECT ... FOR UPDATE}
 * by Bucket4j's PostgreSQL proxy manager, so that two nodes taking from one origin's allowance at once
 * take one after the other and together allow no more than the allowance. The row's id is the SHA-256 of
 * the collectivité and the origin: the table never holds an IP address. A bucket expires once it would be
 * full again; {@link #removeExpired} deletes those (a job, daily is enough). The allowance is counted on
 * the injected clock, which every node reads alike; Bucket4j stamps and compares a row's expiry with the
 * system's time, which only decides when a full bucket's row may go.
 */
public final class PostgresFloodGuard implements FloodGuard {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketConfiguration configuration;

    /**
     * At most {@code reports} per {@code per} from one origin across every node, refilled gradually.
     *
     * @param dataSource the database where the reports migrations ran
     * @param reports the allowance, 1 or more
     * @param per the period over which the allowance refills, positive
     * @param clock the one clock
     * @throws ValidationException naming {@code floodGuard.reports} or {@code floodGuard.per} when out of range
     */
    public PostgresFloodGuard(DataSource dataSource, int reports, Duration per, Clock clock) {
        if (reports < 1) {
            throw new ValidationException("floodGuard.reports", reports, "must be 1 or more");
        }
        if (per == null || per.isNegative() || per.isZero()) {
            throw new ValidationException("floodGuard.per", per, "must be a positive duration");
        }
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(reports).refillGreedy(reports, per))
                .build();
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(Objects.requireNonNull(dataSource, "dataSource"))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("report_flood_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .clientClock(new ClockTime(clock))
                .build();
    }

    @Override
    public boolean tryAcquire(TenantId tenant, String origin) {
        return buckets.builder().build(key(tenant, origin), configuration).tryConsume(1);
    }

    /**
     * Deletes up to {@code max} buckets that are full again (their origin has been quiet long enough): a
     * deleted bucket starts again full, which is what it was. Safe on several nodes at once.
     *
     * @param max the most rows deleted by this call
     * @return how many were deleted
     */
    public int removeExpired(int max) {
        return buckets.removeExpired(max);
    }

    /** The row's id: a digest of the collectivité and the origin, so that no IP address is stored. */
    static String key(TenantId tenant, String origin) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(tenant.value().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(origin.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
