package org.opengru.scheduling.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.hold.TrailEntry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JDBC both item stores share: transactions at READ COMMITTED, and {@code scheduling_item_trail},
 * written in the transaction of each change.
 */
final class ItemTrail {

    /** A unit of work in one transaction. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Numbers an item's events in commit order, as gru-core's own outbox adapter does for a request. */
    private static final String NEXT_SEQ = "INSERT INTO gru_outbox_stream AS s (tenant_id, aggregate_type,"
            + " aggregate_id, last_seq) VALUES (?, ?, ?, 1) ON CONFLICT (tenant_id, aggregate_type, aggregate_id)"
            + " DO UPDATE SET last_seq = s.last_seq + 1 RETURNING last_seq";

    private static final String OUTBOX = "INSERT INTO gru_outbox (event_id, subscriber, tenant_id, aggregate_type,"
            + " aggregate_id, stream_seq, event_type, occurred_at, payload, next_attempt_at)"
            + " SELECT ?, sub.name, ?, ?, ?, ?, ?, ?, ?::json, ? FROM unnest(?::text[]) AS sub(name)";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataSource dataSource;
    private final String itemType;
    private final String[] subscribers;

    ItemTrail(DataSource dataSource, String itemType) {
        this(dataSource, itemType, Set.of());
    }

    ItemTrail(DataSource dataSource, String itemType, Set<String> subscribers) {
        this.dataSource = dataSource;
        this.itemType = itemType;
        for (String sub : Objects.requireNonNull(subscribers, "subscribers")) {
            if (sub == null || sub.isBlank() || sub.length() > 64) {
                throw new IllegalArgumentException("outbox subscriber must be 1-64 characters: " + sub);
            }
        }
        this.subscribers = new TreeSet<>(subscribers).toArray(String[]::new);
    }

    /**
     * Writes an item's event to gru-core's outbox, one row per subscriber, in the change's transaction:
     * aggregate type the item type, numbered per item from a {@code gru_outbox_stream} row whose lock is held
     * until commit (commit order, no gap a later event could overtake). The payload is {@code {"event":
     * {eventId, tenant, occurredAt, kind, ...fields}}}, the bookings' shape. Nothing without subscribers.
     */
    void publish(Connection c, DomainEvent event, String kind, String aggregateId, Map<String, @Nullable Object> fields)
            throws SQLException {
        if (subscribers.length == 0) {
            return;
        }
        long seq;
        try (PreparedStatement ps = c.prepareStatement(NEXT_SEQ)) {
            ps.setString(1, event.tenant().value());
            ps.setString(2, itemType);
            ps.setString(3, aggregateId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("eventId", event.eventId().toString());
        body.put("tenant", event.tenant().value());
        body.put("occurredAt", event.occurredAt().toString());
        body.put("kind", kind);
        for (Map.Entry<String, @Nullable Object> f : fields.entrySet()) {
            Object v = f.getValue();
            if (v == null) {
                body.putNull(f.getKey());
            } else if (v instanceof Integer i) {
                body.put(f.getKey(), i);
            } else {
                body.put(f.getKey(), v.toString());
            }
        }
        ObjectNode payload = JSON.createObjectNode();
        payload.set("event", body);
        try (PreparedStatement ps = c.prepareStatement(OUTBOX)) {
            ps.setObject(1, event.eventId().value());
            ps.setString(2, event.tenant().value());
            ps.setString(3, itemType);
            ps.setString(4, aggregateId);
            ps.setLong(5, seq);
            ps.setString(6, event.type());
            setInstant(ps, 7, event.occurredAt());
            ps.setString(8, JSON.writeValueAsString(payload));
            setInstant(ps, 9, event.occurredAt());
            ps.setArray(10, c.createArrayOf("text", subscribers));
            ps.executeUpdate();
        }
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
