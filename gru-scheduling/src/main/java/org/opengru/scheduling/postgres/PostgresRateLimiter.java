package org.opengru.scheduling.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.internal.Check;

/**
 * A fixed-window {@link RateLimiter} counted in PostgreSQL ({@code scheduling_rate_limit}, migration V4),
 * so that the limit holds across nodes: behind N nodes a bot still gets {@code max} attempts per window,
 * not N times that. One upsert per attempt: it starts the identity's row, adds one in the current window,
 * or resets the row when a new window has begun (so a returning identity's old window is cleaned up by
 * the same statement); {@link #sweep} deletes the rows of identities that did not come back.
 *
 * <p>Windows are numbered from the instant the booking service passes (its clock), so all nodes must have
 * synchronised clocks; a node slightly behind counts into the newer window rather than resetting it.
 */
public final class PostgresRateLimiter implements RateLimiter {

    private static final String ATTEMPT = """
            INSERT INTO scheduling_rate_limit AS r (scope, identity, window_index, count) VALUES (?, ?, ?, 1)
            ON CONFLICT (scope, identity) DO UPDATE
               SET count = CASE WHEN r.window_index >= EXCLUDED.window_index THEN r.count + 1 ELSE 1 END,
                   window_index = GREATEST(r.window_index, EXCLUDED.window_index)
            RETURNING count""";

    private final DataSource dataSource;
    private final String scope;
    private final int max;
    private final long windowMillis;

    /**
     * A limiter shared by every node using this database.
     *
     * @param scope names this limiter's counters in the shared table (two limiters with different
     *     windows need different scopes)
     * @param dataSource the database
     * @param max attempts per window
     * @param window the window's length
     */
    public PostgresRateLimiter(DataSource dataSource, String scope, int max, Duration window) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.scope = Check.text("rateLimit.scope", scope, 100);
        Check.that(max >= 1, "rateLimit.max", max, "must be at least 1");
        Check.that(
                window != null && !window.isNegative() && !window.isZero(),
                "rateLimit.window",
                window,
                "must be positive");
        this.max = max;
        this.windowMillis = window.toMillis();
    }

    @Override
    public boolean tryAcquire(String identity, Instant now) {
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement(ATTEMPT)) {
            ps.setString(1, scope);
            ps.setString(2, identity);
            ps.setLong(3, windowIndex(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) <= max;
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("counting a booking attempt", e);
        }
    }

    /**
     * Deletes this limiter's rows of windows before the one of {@code now}; returns how many.
     *
     * @param now the current time
     * @return how many rows were deleted
     */
    public int sweep(Instant now) {
        try (Connection c = connection();
                PreparedStatement ps =
                        c.prepareStatement("DELETE FROM scheduling_rate_limit WHERE scope = ? AND window_index < ?")) {
            ps.setString(1, scope);
            ps.setLong(2, windowIndex(now));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw DataAccessException.translate("sweeping rate-limit windows", e);
        }
    }

    private long windowIndex(Instant now) {
        return now.toEpochMilli() / windowMillis;
    }

    private Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        if (!c.getAutoCommit()) {
            c.setAutoCommit(true);
        }
        return c;
    }
}
