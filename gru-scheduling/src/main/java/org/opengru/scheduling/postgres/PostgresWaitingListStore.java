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
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.WaitingListStore;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;

/**
 * The waiting list in PostgreSQL ({@code scheduling_waiting}, migrations V4 and V5), in plain JDBC, shared
 * by every node: a slot freed on any node, or after a restart, goes to the next person. The order is the
 * table's identity column. A claim is one statement that picks the first fitting row with {@code FOR
 * UPDATE SKIP LOCKED} and marks it offered under the coming hold's id: two nodes freeing slots at once
 * claim two different people, never one person twice; the unique index {@code scheduling_waiting_one_offer}
 * keeps a person to one offer per service even when two nodes claim them at two sites at once. Each call
 * borrows a connection for one autocommitted statement.
 */
public final class PostgresWaitingListStore implements WaitingListStore {

    private static final String ONE_OFFER_INDEX = "scheduling_waiting_one_offer";
    private static final int MAX_CLAIM_ATTEMPTS = 8;
    private static final String COLUMNS =
            "id, usager_id, site_id, service_id, from_date, to_date, hold_id," + " slot_start, claimed_until";
    private static final String JOIN = """
            INSERT INTO scheduling_waiting (tenant_id, site_id, service_id, usager_id, from_date, to_date)
            VALUES (?, ?, ?, ?::uuid, ?, ?)
            ON CONFLICT (tenant_id, site_id, service_id, usager_id)
            DO UPDATE SET from_date = EXCLUDED.from_date, to_date = EXCLUDED.to_date""";
    private static final String CLAIM = """
            UPDATE scheduling_waiting w SET hold_id = ?::uuid, slot_start = ?, claimed_until = ?
             WHERE w.id = (SELECT x.id FROM scheduling_waiting x
                            WHERE x.tenant_id = ? AND x.site_id = ? AND x.service_id = ? AND x.hold_id IS NULL
                              AND x.from_date <= ? AND x.to_date >= ?
                              AND NOT (x.usager_id = ANY (?::uuid[]))
                              AND NOT EXISTS (SELECT 1 FROM scheduling_waiting o
                                               WHERE o.tenant_id = x.tenant_id AND o.service_id = x.service_id
                                                 AND o.usager_id = x.usager_id AND o.hold_id IS NOT NULL)
                            ORDER BY x.id
                            LIMIT 1
                              FOR UPDATE SKIP LOCKED)
               AND w.hold_id IS NULL
            RETURNING w.*""";
    /** Every entry of the person for the service, found through the confirmed hold, leaves the list. */
    private static final String ACCEPTED = """
            DELETE FROM scheduling_waiting w USING scheduling_waiting o
             WHERE o.tenant_id = ? AND o.hold_id = ?::uuid
               AND w.tenant_id = o.tenant_id AND w.service_id = o.service_id AND w.usager_id = o.usager_id""";
    /** A new number from the identity column sends the entry to the end of the list. */
    private static final String DECLINED = """
            UPDATE scheduling_waiting SET id = DEFAULT, hold_id = NULL, slot_start = NULL, claimed_until = NULL
             WHERE tenant_id = ? AND hold_id = ?::uuid""";

    private final DataSource dataSource;

    /**
     * Give it a pooled data source: each call borrows a connection for one statement.
     *
     * @param dataSource the database migrated by {@link SchedulingSchema}
     */
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
    public Optional<BookingId> leave(TenantId tenant, SiteId site, ServiceId service, UsagerId usager) {
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM scheduling_waiting WHERE tenant_id = ?"
                        + " AND site_id = ? AND service_id = ? AND usager_id = ?::uuid RETURNING hold_id")) {
            ps.setString(1, tenant.value());
            ps.setString(2, site.value());
            ps.setString(3, service.value());
            ps.setString(4, usager.toString());
            try (ResultSet rs = ps.executeQuery()) {
                UUID hold = rs.next() ? rs.getObject(1, UUID.class) : null;
                return Optional.ofNullable(hold).map(BookingId::of);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("leaving the waiting list", e);
        }
    }

    @Override
    public List<Entry> entriesOf(TenantId tenant, UsagerId usager) {
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement("SELECT site_id, service_id, from_date, to_date"
                        + " FROM scheduling_waiting WHERE tenant_id = ? AND usager_id = ? ORDER BY id")) {
            ps.setString(1, tenant.value());
            ps.setObject(2, usager.value());
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(
                            tenant,
                            SiteId.of(rs.getString(1)),
                            ServiceId.of(rs.getString(2)),
                            usager,
                            rs.getObject(3, java.time.LocalDate.class),
                            rs.getObject(4, java.time.LocalDate.class)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw DataAccessException.translate("reading the usager's waiting lists", e);
        }
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
            throw DataAccessException.translate("reading the waiting list", e);
        }
    }

    @Override
    public Optional<Offer> claimNext(FreedSlot slot, Set<UsagerId> skip, BookingId hold, Instant until) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = connection();
                    PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setString(1, hold.toString());
                ps.setObject(2, utc(slot.start()));
                ps.setObject(3, utc(until));
                ps.setString(4, slot.tenant().value());
                ps.setString(5, slot.site().value());
                ps.setString(6, slot.service().value());
                ps.setObject(7, slot.date());
                ps.setObject(8, slot.date());
                ps.setArray(
                        9,
                        c.createArrayOf(
                                "uuid", skip.stream().map(UsagerId::value).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(offer(rs, slot.tenant())) : Optional.empty();
                }
            } catch (SQLException e) {
                // The person was claimed at another site at the same moment: the index waited for that
                // claim to commit, so the next statement's snapshot sees it and passes over them.
                if (!isOneOfferViolation(e) || attempt == MAX_CLAIM_ATTEMPTS) {
                    throw DataAccessException.translate("claiming a waiting-list entry", e);
                }
            }
        }
    }

    private static boolean isOneOfferViolation(SQLException e) {
        return "23505".equals(e.getSQLState())
                && e.getMessage() != null
                && e.getMessage().contains("\"" + ONE_OFFER_INDEX + "\"");
    }

    @Override
    public void offered(Offer offer) {
        update(
                "UPDATE scheduling_waiting SET claimed_until = NULL WHERE id = ? AND hold_id = ?::uuid",
                offer.id(),
                offer.hold().toString());
    }

    @Override
    public boolean release(Offer offer) {
        return update(
                        "UPDATE scheduling_waiting SET hold_id = NULL, slot_start = NULL, claimed_until = NULL"
                                + " WHERE id = ? AND hold_id = ?::uuid",
                        offer.id(),
                        offer.hold().toString())
                > 0;
    }

    @Override
    public List<Offer> offers(TenantId tenant) {
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM scheduling_waiting WHERE tenant_id = ? AND hold_id IS NOT NULL ORDER BY id")) {
            ps.setString(1, tenant.value());
            List<Offer> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(offer(rs, tenant));
                }
            }
            return out;
        } catch (SQLException e) {
            throw DataAccessException.translate("reading the waiting-list offers", e);
        }
    }

    @Override
    public boolean accepted(TenantId tenant, BookingId hold) {
        return update(ACCEPTED, tenant.value(), hold.toString()) > 0;
    }

    @Override
    public boolean declined(TenantId tenant, BookingId hold) {
        return update(DECLINED, tenant.value(), hold.toString()) > 0;
    }

    private static Offer offer(ResultSet rs, TenantId tenant) throws SQLException {
        Entry entry = new Entry(
                tenant,
                SiteId.of(rs.getString("site_id")),
                ServiceId.of(rs.getString("service_id")),
                UsagerId.of(rs.getObject("usager_id", UUID.class)),
                rs.getObject("from_date", LocalDate.class),
                rs.getObject("to_date", LocalDate.class));
        OffsetDateTime claimed = rs.getObject("claimed_until", OffsetDateTime.class);
        return new Offer(
                rs.getLong("id"),
                entry,
                BookingId.of(rs.getObject("hold_id", UUID.class)),
                rs.getObject("slot_start", OffsetDateTime.class).toInstant(),
                claimed == null ? null : claimed.toInstant());
    }

    private int update(String sql, Object... args) {
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw DataAccessException.translate("updating the waiting list", e);
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
