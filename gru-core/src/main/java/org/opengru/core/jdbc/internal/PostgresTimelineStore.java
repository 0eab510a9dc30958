package org.opengru.core.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.TimelineCursor;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.core.timeline.TimelineStore;

/** Timelines in PostgreSQL: a keyset query walking the primary key backwards. */
public final class PostgresTimelineStore implements TimelineStore {

    private static final String COLUMNS = "occurred_at, entry_id, module, kind, subject_id, channel, summary";

    private final JdbcTransactions tx;

    public PostgresTimelineStore(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public void append(TimelineEntry entry) {
        tx.run(c -> append(c, List.of(entry)));
    }

    /** Appends on an explicit connection (the caller's transaction). */
    public void append(Connection c, List<TimelineEntry> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_timeline (tenant_id, usager_id, occurred_at,"
                + " entry_id, module, kind, subject_id, channel, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
            for (TimelineEntry e : entries) {
                ps.setString(1, e.tenant().value());
                ps.setObject(2, e.usager().value());
                Sql.setInstant(ps, 3, e.occurredAt());
                ps.setString(4, e.entryId());
                ps.setString(5, e.module());
                ps.setString(6, e.kind());
                ps.setString(7, e.subjectId());
                ps.setString(8, e.channel());
                ps.setString(9, e.summary());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public int eraseUsager(TenantId tenant, UsagerId usager) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM gru_timeline WHERE tenant_id = ? AND usager_id = ?")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, usager.value());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<TimelineEntry> newest(TenantId tenant, UsagerId usager, @Nullable TimelineCursor before, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM gru_timeline WHERE tenant_id = ? AND usager_id = ?"
                + (before == null ? "" : " AND (occurred_at, entry_id) < (?, ?)")
                + " ORDER BY occurred_at DESC, entry_id DESC LIMIT ?";
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, tenant.value());
                ps.setObject(i++, usager.value());
                if (before != null) {
                    Sql.setInstant(ps, i++, before.occurredAt());
                    ps.setString(i++, before.entryId());
                }
                ps.setLong(i, Math.min(limit, Integer.MAX_VALUE));
                List<TimelineEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TimelineEntry(
                                tenant,
                                usager,
                                Sql.requiredInstant(rs, "occurred_at"),
                                rs.getString("entry_id"),
                                rs.getString("module"),
                                rs.getString("kind"),
                                rs.getString("subject_id"),
                                rs.getString("channel"),
                                rs.getString("summary")));
                    }
                }
                return out;
            }
        });
    }
}
