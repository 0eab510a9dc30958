package org.opengru.scheduling.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.hold.TrailEntry;

/**
 * The JDBC both item stores share: transactions at READ COMMITTED, and {@code scheduling_item_trail},
 * written in the transaction of each change.
 */
final class ItemTrail {

    /** A unit of work in one transaction. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final String itemType;

    ItemTrail(DataSource dataSource, String itemType) {
        this.dataSource = dataSource;
        this.itemType = itemType;
    }

    /** Runs the work in one transaction, committed if it returns, rolled back if it throws. */
    <T> T inTransaction(String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate(operation, e);
        }
    }

    /** Reads in autocommit. */
    <T> T read(String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw DataAccessException.translate(operation, e);
        }
    }

    void append(Connection c, TrailEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scheduling_item_trail (tenant_id, item_type,"
                + " item_id, action, actor, at, from_status, to_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.tenant().value());
            ps.setString(2, itemType);
            ps.setObject(3, e.item());
            ps.setString(4, e.action());
            ps.setString(5, e.actor().toString());
            setInstant(ps, 6, e.at());
            ps.setString(7, e.fromStatus());
            ps.setString(8, e.toStatus());
            ps.setString(9, e.detail());
            ps.executeUpdate();
        }
    }

    List<TrailEntry> trail(TenantId tenant, UUID item) {
        return read("reading the trail", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT action, actor, at, from_status, to_status, detail"
                            + " FROM scheduling_item_trail WHERE tenant_id = ? AND item_id = ? AND item_type = ? ORDER BY id")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, item);
                ps.setString(3, itemType);
                List<TrailEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TrailEntry(
                                tenant,
                                item,
                                rs.getString(1),
                                ActorRef.parse(rs.getString(2)),
                                rs.getObject(3, OffsetDateTime.class).toInstant(),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6)));
                    }
                }
                return out;
            }
        });
    }

    /** Erasure: the free-text details of an item's trail, except payment references. */
    void clearDetails(Connection c, TenantId tenant, UUID item) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE scheduling_item_trail SET detail = NULL"
                + " WHERE tenant_id = ? AND item_id = ? AND item_type = ? AND action NOT LIKE '%payment%'")) {
            ps.setString(1, tenant.value());
            ps.setObject(2, item);
            ps.setString(3, itemType);
            ps.executeUpdate();
        }
    }

    static java.time.@Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void setInstant(PreparedStatement ps, int i, java.time.@Nullable Instant at) throws SQLException {
        ps.setObject(i, at == null ? null : OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
    }
}
