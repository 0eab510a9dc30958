package org.opengru.scheduling.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.hold.TrailCheck;
import org.opengru.scheduling.hold.TrailEntry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JDBC the item stores share: transactions at READ COMMITTED, and the item log ({@code
 * scheduling_item_event}, V11), one event row per change. Each store's change is ONE statement (issue 22
 * item 3): its item statement sets the item row's head of chain, length and webhook sequence and, through
 * a data-modifying CTE, inserts the event, whose hash PostgreSQL computes ({@code
 * scheduling_item_event_hash}) from the head the same statement reads on the row it changes. The pieces
 * of SQL below are that part of every item statement. A change told to the webhooks also gets the next
 * webhook sequence of the item and its event's JSON, which gru-core's relay reads through {@link
 * SchedulingSchema#itemEventLogs()}: nothing is copied into {@code gru_outbox}.
 */
final class ItemTrail {

    /** A unit of work on one connection. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * A change told to the webhooks: its domain event, kind and fields, as {@code {eventId, tenant,
     * occurredAt, kind, ...fields}} (the bookings' shape, and the JSON the outbox copies carried before V11).
     */
    record Told(DomainEvent event, String kind, Map<String, @Nullable Object> fields) {}

    /** The event's hash at {@code %1$s} (its position) after {@code %2$s} (the previous hash). */
    private static final String HASH = "scheduling_item_event_hash(:tenant, :item_type, :item::uuid, %1$s,"
            + " :event_id::uuid, :action, :kind, :actor, :at::timestamptz, :from_status, :to_status, :event_type,"
            + " :event, scheduling_digest(:detail), %2$s)";

    private static final String TOLD = "CASE WHEN :event_type::text IS NULL THEN 0 ELSE 1 END";

    /**
     * The head columns of an UPDATE of the item row {@code t}, whose image before the change is {@code o}
     * (the same row joined again: PostgreSQL's RETURNING gives only the new values). The statement's WHERE
     * must also say {@code t.event_count = o.event_count}: re-checked on the latest version of a row a
     * concurrent change updated meanwhile, it then leaves the row alone rather than chain to a stale head.
     */
    static final String UPDATE_HEAD = "event_count = o.event_count + 1, webhook_seq = o.webhook_seq + " + TOLD
            + ", audit_head = " + HASH.formatted("o.event_count", "coalesce(o.audit_head, :genesis)");

    /** What the UPDATE returns for its event, with {@link #UPDATE_HEAD}. */
    static final String UPDATE_RETURNING = "o.event_count AS ev_position, coalesce(o.audit_head, :genesis) AS"
            + " ev_previous, t.audit_head AS ev_hash, t.webhook_seq AS ev_seq";

    /** The columns an INSERT of the item row adds for its head, and {@link #INSERT_HEAD_VALUES} their values. */
    static final String INSERT_HEAD_COLUMNS = "audit_head, event_count, webhook_seq";

    /** The head of a new item: its first event (position 0, after the genesis). */
    static final String INSERT_HEAD_VALUES = HASH.formatted("0", ":genesis") + ", 1, " + TOLD;

    /** What the INSERT returns for its event, with {@link #INSERT_HEAD_VALUES}. */
    static final String INSERT_RETURNING =
            "0 AS ev_position, :genesis::text AS ev_previous, audit_head AS ev_hash, webhook_seq AS ev_seq";

    /** The event, from the CTE named {@code %1$s} that wrote the item row and returned its {@code ev_} columns. */
    private static final String EVENT = """
            INSERT INTO scheduling_item_event (tenant_id, item_type, item_id, position, event_id, action, kind, actor,
                   occurred_at, from_status, to_status, event_type, event, webhook_seq, detail_sha256, detail,
                   previous_hash, hash)
            SELECT :tenant, :item_type, :item::uuid, u.ev_position, :event_id::uuid, :action, :kind, :actor,
                   :at::timestamptz, :from_status, :to_status, :event_type, :event::json,
                   CASE WHEN :event_type::text IS NULL THEN NULL ELSE u.ev_seq END, scheduling_digest(:detail),
                   :detail, u.ev_previous, u.ev_hash
              FROM %1$s u""";

    /** The event's own parameters in the SQL above, renamed by {@link #prefixed}. */
    private static final Pattern EVENT_PARAM = Pattern.compile(
            "(?<![:\\w]):(event_id|action|kind|actor|at|from_status|to_status|event_type|event|detail)(?!\\w)");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataSource dataSource;
    private final String itemType;
    private final String table;
    private final String idColumn;

    ItemTrail(DataSource dataSource, String itemType) {
        this.dataSource = dataSource;
        this.itemType = itemType;
        switch (itemType) {
            case "reservation" -> {
                table = "scheduling_reservation";
                idColumn = "id";
            }
            case "registration" -> {
                table = "scheduling_registration";
                idColumn = "id";
            }
            case "booking_payment" -> {
                table = "scheduling_booking_payment";
                idColumn = "hold_id";
            }
            default -> throw new IllegalArgumentException("unknown item type: " + itemType);
        }
    }

    /**
     * The data-modifying CTE that inserts the event of the item row written by the CTE {@code from}, to put
     * in that row's statement.
     */
    static String event(String from) {
        return EVENT.formatted(from);
    }

    /**
     * The parameters of the change's event in its item statement: {@code :tenant}, {@code :item} (also the
     * item row's key) and the event's own.
     */
    Map<String, @Nullable Object> params(TrailEntry e, @Nullable Told told) {
        Map<String, @Nullable Object> p = params(e.tenant(), e.item());
        putEvent(p, "", e, told);
        return p;
    }

    /** The parameters every item statement shares: {@code :tenant}, {@code :item} and the log's. */
    Map<String, @Nullable Object> params(TenantId tenant, UUID item) {
        Map<String, @Nullable Object> p = NamedSql.params();
        p.put("genesis", ItemEventHashes.GENESIS);
        p.put("tenant", tenant.value());
        p.put("item_type", itemType);
        p.put("item", item.toString());
        return p;
    }

    /**
     * The event's own parameters, their names prefixed as by {@link #prefixed}: for a statement that may
     * write one of several events of one item (only one of them is written).
     */
    static void putEvent(Map<String, @Nullable Object> p, String prefix, TrailEntry e, @Nullable Told told) {
        p.put(
                prefix + "event_id",
                told == null
                        ? UUID.randomUUID().toString()
                        : told.event().eventId().toString());
        p.put(prefix + "action", e.action());
        p.put(prefix + "kind", told == null ? null : told.kind());
        p.put(prefix + "actor", e.actor().toString());
        p.put(prefix + "at", e.at());
        p.put(prefix + "from_status", e.fromStatus());
        p.put(prefix + "to_status", e.toStatus());
        p.put(prefix + "event_type", told == null ? null : told.event().type());
        p.put(prefix + "event", told == null ? null : JSON.writeValueAsString(body(told)));
        p.put(prefix + "detail", e.detail());
    }

    /** The SQL of this class with the event's own parameters renamed {@code :<prefix>name}. */
    static String prefixed(String sql, String prefix) {
        return EVENT_PARAM.matcher(sql).replaceAll(":" + prefix + "$1");
    }

    private static ObjectNode body(Told told) {
        DomainEvent event = told.event();
        ObjectNode body = JSON.createObjectNode();
        body.put("eventId", event.eventId().toString());
        body.put("tenant", event.tenant().value());
        body.put("occurredAt", event.occurredAt().toString());
        body.put("kind", told.kind());
        for (Map.Entry<String, @Nullable Object> f : told.fields().entrySet()) {
            Object v = f.getValue();
            if (v == null) {
                body.putNull(f.getKey());
            } else if (v instanceof Integer i) {
                body.put(f.getKey(), i);
            } else {
                body.put(f.getKey(), v.toString());
            }
        }
        return body;
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

    /**
     * Runs one change's statement alone, in autocommit: one round trip, one transaction, nothing written
     * when it fails.
     */
    <T> T once(String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
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

    List<TrailEntry> trail(TenantId tenant, UUID item) {
        return read("reading the trail", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT action, actor, occurred_at, from_status, to_status,"
                    + " detail FROM scheduling_item_event WHERE tenant_id = ? AND item_type = ? AND item_id = ?"
                    + " ORDER BY position")) {
                ps.setString(1, tenant.value());
                ps.setString(2, itemType);
                ps.setObject(3, item);
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

    /**
     * The item row (its length and head) and its whole log, read by one statement (one snapshot), every link
     * re-computed here ({@link ItemEventHashes}): an edited, swapped, deleted or added event, a truncated or
     * deleted log, or a detail off its digest shows.
     *
     * @throws NotFoundException when the item is not stored
     */
    TrailCheck verify(TenantId tenant, UUID item) {
        return read("checking the trail", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT i.event_count, i.audit_head, e.*, e.event::text AS"
                    + " event_text FROM " + table + " i LEFT JOIN scheduling_item_event e ON e.tenant_id = i.tenant_id"
                    + " AND e.item_type = ? AND e.item_id = i." + idColumn + " WHERE i.tenant_id = ? AND i."
                    + idColumn + " = ? ORDER BY e.position")) {
                ps.setString(1, itemType);
                ps.setString(2, tenant.value());
                ps.setObject(3, item);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException(itemType.replace('_', ' '), item.toString());
                    }
                    long recorded = rs.getInt("event_count");
                    String anchor = rs.getString("audit_head");
                    String previous = ItemEventHashes.GENESIS;
                    long entries = 0;
                    String problem = null;
                    do {
                        if (rs.getObject("position") == null) {
                            break; // no event at all
                        }
                        if (problem == null) {
                            problem = link(rs, entries, previous);
                        }
                        previous = rs.getString("hash");
                        entries++;
                    } while (rs.next());
                    if (entries < recorded) {
                        problem =
                                (entries == 0 ? "trail deleted: no entry" : "trail truncated: " + entries + " entries")
                                        + " where the " + itemType.replace('_', ' ') + " records " + recorded;
                    } else if (entries > recorded) {
                        problem = entries + " entries where the " + itemType.replace('_', ' ') + " records " + recorded
                                + " (entries written outside its changes)";
                    } else if (problem == null && !previous.equals(anchor == null ? ItemEventHashes.GENESIS : anchor)) {
                        problem =
                                "the last event's hash is not the head the " + itemType.replace('_', ' ') + " records";
                    }
                    return new TrailCheck(item, entries, recorded, problem);
                }
            }
        });
    }

    /** What is wrong with the event at {@code rs} as the {@code index}-th link after {@code previous}. */
    private static @Nullable String link(ResultSet rs, long index, String previous) throws SQLException {
        int position = rs.getInt("position");
        if (position != index) {
            return "event at position " + position + " where " + index + " was expected";
        }
        if (!previous.equals(rs.getString("previous_hash"))) {
            return "event " + position + " does not link to the event before it";
        }
        String digest = rs.getString("detail_sha256");
        String detail = rs.getString("detail");
        if (detail != null && !ItemEventHashes.digest(detail).equals(digest)) {
            return "event " + position + "'s detail does not match its digest";
        }
        String expected = ItemEventHashes.hash(
                rs.getString("tenant_id"),
                rs.getString("item_type"),
                rs.getObject("item_id", UUID.class),
                position,
                rs.getObject("event_id", UUID.class),
                rs.getString("action"),
                rs.getString("kind"),
                rs.getString("actor"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("from_status"),
                rs.getString("to_status"),
                rs.getString("event_type"),
                rs.getString("event_text"),
                digest,
                previous);
        if (!expected.equals(rs.getString("hash"))) {
            return "event " + position + " was changed after it was written";
        }
        return null;
    }

    /**
     * Erasure: the free-text details of an item's trail, except payment references (their digests stay
     * chained, so the trail still verifies), and the receivers' last errors about its events.
     */
    void clearDetails(Connection c, TenantId tenant, UUID item) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE scheduling_item_event SET detail = NULL"
                + " WHERE tenant_id = ? AND item_type = ? AND item_id = ? AND detail IS NOT NULL"
                + " AND action NOT LIKE '%payment%'")) {
            ps.setString(1, tenant.value());
            ps.setString(2, itemType);
            ps.setObject(3, item);
            ps.executeUpdate();
        }
        if (!itemType.equals("booking_payment")) {
            // The relay's cursors and dead letters stay (a cursor dropped would send the item's events again
            // from the first at its next change); what receivers answered goes.
            for (String relayTable : List.of("_delivery", "_dead_letter")) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE scheduling_" + itemType + relayTable
                        + " SET last_error = NULL WHERE tenant_id = ? AND item_id = ? AND last_error IS NOT NULL")) {
                    ps.setString(1, tenant.value());
                    ps.setObject(2, item);
                    ps.executeUpdate();
                }
            }
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
