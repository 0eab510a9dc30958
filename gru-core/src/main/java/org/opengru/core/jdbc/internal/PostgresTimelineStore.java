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

/**
 * Timelines in PostgreSQL: what other modules append ({@code gru_timeline}) merged with the requests'
 * events shown to an usager ({@code gru_request_event}, no copy), each side a keyset query walking its
 * index backwards in the same order (time, entry id).
 */
public final class PostgresTimelineStore implements TimelineStore {

    private static final String COLUMNS = "occurred_at, entry_id, module, kind, subject_id, channel, summary";

    /**
     * An event's entry id, the second key of the page order. The index {@code gru_request_event_timeline}
     * holds (tenant, usager, time) only since V20: PostgreSQL walks it backwards and sorts the events of one
     * instant by this id (incremental sort), so the pages keep gru_timeline's exact order without each
     * insert computing and storing the id.
     */
    private static final String EVENT_ENTRY_ID = "gru_event_entry_id(e.type, e.request_id, e.details) COLLATE \"C\"";

    /**
     * The requests' events on an usager's timeline, as the lines the request store wrote before V17: a
     * history line ({@code PROCEDURE REF: FROM -> TO}) or a message ({@code Message (agent)}).
     */
    private static final String EVENTS = "SELECT e.occurred_at, " + EVENT_ENTRY_ID + " AS entry_id, 'core' AS module,"
            + " CASE WHEN e.type IN ('message:POST', 'note:POST') THEN 'message.POST' ELSE 'request.' || e.type END"
            + " AS kind, e.request_id::text AS subject_id, e.channel,"
            + " CASE WHEN e.type IN ('message:POST', 'note:POST')"
            + " THEN 'Message (' || split_part(e.actor, ':', 1) || ')'"
            + " ELSE split_part(e.details ->> 'procedure', '@', 1) || ' ' || coalesce(r.reference, '') || ': '"
            + " || coalesce((e.details ->> 'from') || ' -> ', '') || (e.details ->> 'to') END AS summary"
            + " FROM gru_request_event e LEFT JOIN gru_request r ON r.tenant_id = e.tenant_id AND r.id = e.request_id"
            + " WHERE e.tenant_id = ? AND e.usager_id = ?";

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
            int erased = 0;
            for (String sql : List.of(
                    "DELETE FROM gru_timeline WHERE tenant_id = ? AND usager_id = ?",
                    // The events stay (the audit chain): only the link to the usager goes.
                    "UPDATE gru_request_event SET usager_id = NULL WHERE tenant_id = ? AND usager_id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, tenant.value());
                    ps.setObject(2, usager.value());
                    erased += ps.executeUpdate();
                }
            }
            return erased;
        });
    }

    @Override
    public List<TimelineEntry> newest(TenantId tenant, UsagerId usager, @Nullable TimelineCursor before, int limit) {
        String after = before == null ? "" : " AND (occurred_at, entry_id) < (?, ?)";
        String sql = "(SELECT " + COLUMNS + " FROM gru_timeline WHERE tenant_id = ? AND usager_id = ?" + after
                + " ORDER BY occurred_at DESC, entry_id DESC LIMIT ?) UNION ALL (" + EVENTS
                + (before == null ? "" : " AND (e.occurred_at, " + EVENT_ENTRY_ID + ") < (?, ?)")
                + " ORDER BY e.occurred_at DESC, " + EVENT_ENTRY_ID + " DESC LIMIT ?)"
                + " ORDER BY occurred_at DESC, entry_id DESC LIMIT ?";
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (int side = 0; side < 2; side++) {
                    ps.setString(i++, tenant.value());
                    ps.setObject(i++, usager.value());
                    if (before != null) {
                        Sql.setInstant(ps, i++, before.occurredAt());
                        ps.setString(i++, before.entryId());
                    }
                    ps.setLong(i++, Math.min(limit, Integer.MAX_VALUE));
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
