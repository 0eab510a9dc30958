package org.opengru.scheduling.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.WaitingListStore;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;

/**
 * The waiting list in PostgreSQL ({@code scheduling_waiting}, migration V4), in plain JDBC, shared by every
 * node: a slot freed on any node, or after a restart, goes to the next person. The order is the table's
 * identity column. A claim is one statement that picks the first fitting row with {@code FOR UPDATE SKIP
 * LOCKED} and marks it claimed: two nodes freeing slots at once claim two different people, never one
 * person twice. Each call borrows a connection for one autocommitted statement.
 */
public final class PostgresWaitingListStore implements WaitingListStore {

    private static final String JOIN = """
            INSERT INTO scheduling_waiting (tenant_id, site_id, service_id, usager_id, from_date, to_date)
            VALUES (?, ?, ?, ?::uuid, ?, ?)
            ON CONFLICT (tenant_id, site_id, service_id, usager_id) WHERE hold_id IS NULL
            DO UPDATE SET from_date = EXCLUDED.from_date, to_date = EXCLUDED.to_date""";
    private static final String CLAIM = """
            UPDATE scheduling_waiting w SET claimed_until = ?
             WHERE w.id = (SELECT x.id FROM scheduling_waiting x
                            WHERE x.tenant_id = ? AND x.site_id = ? AND x.service_id = ? AND x.hold_id IS NULL
                              AND x.from_date <= ? AND x.to_date >= ?
                              AND (x.claimed_until IS NULL OR x.claimed_until <= ?)
                              AND NOT (x.usager_id = ANY (?::uuid[]))
                            ORDER BY x.id
                            LIMIT 1
                              FOR UPDATE SKIP LOCKED)
               AND w.hold_id IS NULL
            RETURNING w.id, w.usager_id, w.from_date, w.to_date""";

    private final DataSource dataSource;

    /** Give it a pooled data source: each call borrows a connection for one statement. */
    public PostgresWaitingListStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void join(Entry entry) {
        update(
                JOIN,
                entry.tenant().value(),
                entry.site().value(),
                entry.service().value(),
                entry.usager().toString(),
                entry.from(),
                entry.to());
    }

    @Override
    public List<UsagerId> waiting(TenantId tenant, SiteId site, ServiceId service) {
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT usager_id FROM scheduling_waiting WHERE tenant_id = ? AND site_id = ? AND service_id = ?"
                                + " AND hold_id IS NULL ORDER BY id")) {
            ps.setString(1, tenant.value());
            ps.setString(2, site.value());
            ps.setString(3, service.value());
            List<UsagerId> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(UsagerId.of(rs.getObject(1, UUID.class)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the waiting list failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Claim> claimNext(
            TenantId tenant,
            SiteId site,
            ServiceId service,
            LocalDate date,
            Set<UsagerId> skip,
            Instant now,
            Instant until) {
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setObject(1, utc(until));
            ps.setString(2, tenant.value());
            ps.setString(3, site.value());
            ps.setString(4, service.value());
            ps.setObject(5, date);
            ps.setObject(6, date);
            ps.setObject(7, utc(now));
            ps.setArray(
                    8,
                    c.createArrayOf("uuid", skip.stream().map(UsagerId::value).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Entry entry = new Entry(
                        tenant,
                        site,
                        service,
                        UsagerId.of(rs.getObject("usager_id", UUID.class)),
                        rs.getObject("from_date", LocalDate.class),
                        rs.getObject("to_date", LocalDate.class));
                return Optional.of(new Claim(rs.getLong("id"), entry, until));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("claiming a waiting-list entry failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void offered(Claim claim, BookingId hold) {
        update(
                "UPDATE scheduling_waiting SET hold_id = ?::uuid, claimed_until = NULL WHERE id = ? AND hold_id IS NULL",
                hold.toString(),
                claim.id());
    }

    @Override
    public void release(Claim claim) {
        update(
                "UPDATE scheduling_waiting SET claimed_until = NULL WHERE id = ? AND hold_id IS NULL AND claimed_until = ?",
                claim.id(),
                utc(claim.until()));
    }

    @Override
    public void accepted(TenantId tenant, BookingId hold) {
        endOffer(tenant, hold);
    }

    @Override
    public void declined(TenantId tenant, BookingId hold) {
        endOffer(tenant, hold);
    }

    private void endOffer(TenantId tenant, BookingId hold) {
        update(
                "DELETE FROM scheduling_waiting WHERE tenant_id = ? AND hold_id = ?::uuid",
                tenant.value(),
                hold.toString());
    }

    private void update(String sql, Object... args) {
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("updating the waiting list failed: " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        if (!c.getAutoCommit()) {
            c.setAutoCommit(true); // each statement is its own transaction
        }
        return c;
    }

    static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
