package org.opengru.franceconnect.apiparticulier.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import javax.sql.DataSource;
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.franceconnect.FranceConnectException;

/**
 * The rate limiter shared by every node of a commune (plain JDBC); schema {@code
 * V4__franceconnect_api_particulier_rate.sql}. One row per token: the next free slot. A reservation is
 * one atomic upsert (the row lock orders concurrent callers), and the database's clock is the only
 * clock, so nodes whose clocks drift still space their calls.
 *
 * <p>Written here rather than with bucket4j: its PostgreSQL backend is a token bucket (bursts, then
 * waits) with no way to push the next slot to a {@code Retry-After} for every node, and one upsert
 * gives strict spacing without a new dependency.
 */
public final class PostgresRateLimiter implements ApiParticulierRateLimiter {
    private static final String RESERVE = """
            INSERT INTO franceconnect_api_particulier_rate AS r (token_hash, next_slot)
            VALUES (?, clock_timestamp() + make_interval(secs => ?))
            ON CONFLICT (token_hash) DO UPDATE
                SET next_slot = GREATEST(r.next_slot, clock_timestamp()) + make_interval(secs => ?)
                WHERE GREATEST(r.next_slot, clock_timestamp()) <= clock_timestamp() + make_interval(secs => ?)
            RETURNING r.next_slot - make_interval(secs => ?), clock_timestamp()""";
    private static final String NEXT =
            "SELECT next_slot, clock_timestamp() FROM franceconnect_api_particulier_rate WHERE token_hash = ?";
    private static final String HOLD = """
            INSERT INTO franceconnect_api_particulier_rate AS r (token_hash, next_slot)
            VALUES (?, clock_timestamp() + make_interval(secs => ?))
            ON CONFLICT (token_hash) DO UPDATE SET next_slot = GREATEST(r.next_slot, EXCLUDED.next_slot)""";

    private final DataSource dataSource;
    private final Duration spacing;

    /**
     * A limiter shared by every node using this database; the database's clock places the slots.
     *
     * @param dataSource the database holding {@code franceconnect_api_particulier_rate}
     * @param requestsPerSecond 1 to {@link #DOCUMENTED_REQUESTS_PER_SECOND}
     * @throws org.opengru.franceconnect.InvalidConfigurationException outside that range
     */
    public PostgresRateLimiter(DataSource dataSource, int requestsPerSecond) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.spacing = ApiParticulierRateLimiter.spacingFor(requestsPerSecond);
    }

    @Override
    public Reservation reserve(String tokenKey, Duration maxWait) {
        double step = seconds(spacing);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(RESERVE)) {
            ps.setString(1, tokenKey);
            ps.setDouble(2, step);
            ps.setDouble(3, step);
            ps.setDouble(4, seconds(maxWait));
            ps.setDouble(5, step);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return reservation(true, rs);
                }
            }
            try (PreparedStatement next = c.prepareStatement(NEXT)) {
                next.setString(1, tokenKey);
                try (ResultSet rs = next.executeQuery()) {
                    rs.next();
                    return reservation(false, rs);
                }
            }
        } catch (SQLException e) {
            throw failure("could not reserve an API Particulier slot", e);
        }
    }

    private static Reservation reservation(boolean granted, ResultSet rs) throws SQLException {
        OffsetDateTime slot = rs.getObject(1, OffsetDateTime.class);
        Duration wait = Duration.between(rs.getObject(2, OffsetDateTime.class), slot);
        return new Reservation(granted, slot.toInstant(), wait.isNegative() ? Duration.ZERO : wait);
    }

    @Override
    public void holdFor(String tokenKey, Duration wait) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(HOLD)) {
            ps.setString(1, tokenKey);
            ps.setDouble(2, seconds(wait));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("could not record an API Particulier Retry-After", e);
        }
    }

    @Override
    public Duration spacing() {
        return spacing;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** The shared limiter could not be reached: nothing was sent. */
    public static final class RateLimiterException extends FranceConnectException {
        private static final long serialVersionUID = 1L;

        RateLimiterException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A transient failure (lost connection, deadlock...) as the retryable type every store throws. */
    private static RuntimeException failure(String message, SQLException e) {
        return DataAccessException.isTransient(e)
                ? DataAccessException.translate(message, e)
                : new RateLimiterException(message, e);
    }
}
