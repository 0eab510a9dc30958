package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.audit.AuditEntry;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.jdbc.Migrations;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.request.HistoryEntry;
import org.opengru.core.request.IdempotencyRecord;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Migrations V17 to V19 (issue 22) on a database written by the previous release: {@code v16-requests.sql} holds
 * the rows that the V16 stores wrote for two requests (one filed with idempotency keys, reviewed, with a
 * shared message and an internal note, rejected with a reason, its first two webhook events delivered and
 * the third dead; one filed and submitted, its events pending). After the upgrade, today's stores read
 * from the log alone what the old tables held: each chain hash for hash, verifying against its anchor;
 * the history with its reasons; the idempotency replays; the timeline lines, word for word; and the
 * delivery cursors and dead letter. A change appended afterwards continues the chain.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class RequestEventLogMigrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {};
    private static final TenantId TENANT = TenantId.of("commune-v16");
    private static final String SUBSCRIBER = "logiciel-metier";

    private final PostgresDatabase db;
    private final PostgresPersistence pg;

    RequestEventLogMigrationTest(PostgresDatabase db) throws Exception {
        this.db = db;
        // The schema as the previous release left it: every script before V17, and its rows.
        List<String> before = Migrations.core().scripts().stream()
                .filter(s -> s.version() < 17)
                .map(s -> s.location().substring(s.location().lastIndexOf('/') + 1))
                .toList();
        Migrations.of("core", before).migrate(db.dataSource());
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("v16-requests.sql"));
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        this.pg = PostgresPersistence.builder(db.dataSource(), Clock.systemUTC())
                .outboxSubscribers(Set.of(SUBSCRIBER))
                .build();
    }

    @Test
    void theUpgradedStoresReadEveryChainHistoryKeyTimelineLineAndDeliveryOfTheOldTablesFromTheLog()
            throws SQLException, IOException {
        // What the old tables hold.
        List<RequestId> requests = new ArrayList<>();
        Map<RequestId, List<AuditEntry>> chains = new LinkedHashMap<>();
        Map<RequestId, List<String>> histories = new LinkedHashMap<>();
        List<String> timeline;
        List<List<String>> keys;
        UsagerId claire;
        try (Connection c = db.dataSource().getConnection()) {
            for (List<String> row : rows(c, "SELECT id FROM gru_request ORDER BY audit_length DESC")) {
                requests.add(RequestId.of(UUID.fromString(row.get(0))));
            }
            for (RequestId id : requests) {
                chains.put(
                        id,
                        chain(
                                c,
                                "SELECT position, action AS type, actor, channel, occurred_at,"
                                        + " details::text AS details, previous_hash, hash FROM gru_audit WHERE tenant_id = ?"
                                        + " AND request_id = '" + id + "' ORDER BY position"));
                histories.put(
                        id,
                        rows(
                                        c,
                                        "SELECT sequence, action, from_status, to_status, reason, actor, channel, at"
                                                + " FROM gru_request_history WHERE tenant_id = ? AND request_id = '"
                                                + id
                                                + "' ORDER BY sequence")
                                .stream()
                                .map(List::toString)
                                .toList());
            }
            claire = UsagerId.of(
                    UUID.fromString(rows(c, "SELECT DISTINCT usager_id FROM gru_timeline WHERE tenant_id = ?")
                            .get(0)
                            .get(0)));
            timeline = rows(
                            c,
                            "SELECT occurred_at, entry_id, module, kind, subject_id, channel, summary FROM gru_timeline"
                                    + " WHERE tenant_id = ? ORDER BY occurred_at DESC, entry_id DESC")
                    .stream()
                    .map(List::toString)
                    .toList();
            keys = rows(
                    c,
                    "SELECT key, fingerprint, request_id, result_version FROM gru_idempotency WHERE tenant_id = ?"
                            + " ORDER BY key");
        }
        RequestId a = requests.get(0);
        RequestId b = requests.get(1);
        assertThat(chains.get(a)).hasSize(6);
        assertThat(timeline).hasSize(7);
        assertThat(keys).hasSize(3);

        assertThat(Migrations.core().migrate(db.dataSource())).isEqualTo(4);
        try (Connection c = db.dataSource().getConnection()) {
            // V19: the old tables go once moved; the log is the one place left that holds their facts.
            assertThat(rows(
                            c,
                            "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('gru_audit',"
                                    + " 'gru_request_history', 'gru_idempotency') AND table_schema = current_schema()"))
                    .containsExactly(List.of("0"));
        }

        for (RequestId id : requests) {
            // The chain, hash for hash, read from the log, verifying against the request's anchor.
            assertThat(pg.auditTrail().entries(TENANT, id)).containsExactlyElementsOf(chains.get(id));
            assertThat(pg.auditTrail().verify(TENANT, id).valid()).isTrue();
            // The history, with its reasons.
            assertThat(pg.requestStore().history(TENANT, id).stream()
                            .map(RequestEventLogMigrationTest::line)
                            .toList())
                    .containsExactlyElementsOf(histories.get(id));
        }
        assertThat(pg.requestStore().history(TENANT, a))
                .extracting(HistoryEntry::reason)
                .contains("Trottoir trop étroit");
        // The idempotency replays: each key finds the request and version it produced.
        for (List<String> key : keys) {
            IdempotencyRecord found = pg.requestStore()
                    .idempotency(TENANT, IdempotencyKey.of(key.get(0)))
                    .orElseThrow();
            assertThat(List.of(
                            found.key().value(),
                            found.fingerprint(),
                            found.requestId().toString(),
                            Long.toString(found.resultVersion())))
                    .isEqualTo(key);
        }
        // The timeline, word for word, now read from the log (the moved lines left gru_timeline).
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(rows(c, "SELECT count(*) FROM gru_timeline WHERE tenant_id = ?"))
                    .containsExactly(List.of("0"));
        }
        assertThat(pg.timelineStore().newest(TENANT, claire, null, 50).stream()
                        .map(RequestEventLogMigrationTest::line)
                        .toList())
                .isEqualTo(timeline);
        // The deliveries: A done up to 3 (two delivered, the third dead and kept as a dead letter), B owes all;
        // B's pending events kept their domain event in the log's payload, for the relay to send.
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(rows(
                            c,
                            "SELECT request_id, delivered_seq FROM gru_delivery WHERE tenant_id = ?"
                                    + " ORDER BY delivered_seq DESC"))
                    .containsExactly(List.of(a.toString(), "3"), List.of(b.toString(), "0"));
            assertThat(rows(c, "SELECT request_id, webhook_seq, last_error FROM gru_dead_letter WHERE tenant_id = ?"))
                    .containsExactly(List.of(a.toString(), "3", "HTTP 410"));
            assertThat(rows(
                            c,
                            "SELECT count(*) FROM gru_request_event WHERE tenant_id = ? AND request_id = '" + b
                                    + "' AND payload::jsonb -> 'events' IS NOT NULL"))
                    .containsExactly(List.of("2"));
        }

        // A change after the upgrade continues the chain from the migrated anchor.
        pg.auditTrail()
                .append(new AuditRecord(
                        TENANT,
                        a,
                        new ActorRef(ActorKind.AGENT, "jdupont"),
                        "note:POST",
                        "WEB",
                        OffsetDateTime.parse("2026-03-03T10:00:00Z").toInstant(),
                        Map.of("message", UUID.randomUUID().toString())));
        assertThat(pg.auditTrail().entries(TENANT, a)).hasSize(7);
        assertThat(pg.auditTrail().verify(TENANT, a).valid()).isTrue();

        // Append-only, but for erasure, which leaves the chain verifiable.
        String ofA = " WHERE request_id = '" + a + "'";
        for (String sql : List.of(
                "UPDATE gru_request_event SET type = 'ACCEPT'" + ofA,
                "UPDATE gru_request_event SET payload = '{}'" + ofA,
                "DELETE FROM gru_request_event" + ofA,
                "TRUNCATE gru_request_event")) {
            assertThatThrownBy(() -> db.execute(sql)).hasMessageContaining("gru_request_event is append-only");
        }
        db.execute("UPDATE gru_request_event SET payload = NULL, usager_id = NULL" + ofA);
        assertThat(pg.auditTrail().verify(TENANT, a).valid()).isTrue();
        assertThat(pg.requestStore().history(TENANT, a))
                .extracting(HistoryEntry::reason)
                .containsOnlyNulls();
    }

    private static String line(HistoryEntry h) {
        return List.of(
                        Integer.toString(h.sequence()),
                        h.action().name(),
                        String.valueOf(h.from()),
                        h.to().name(),
                        String.valueOf(h.reason()),
                        h.actor().toString(),
                        h.channel().name(),
                        h.at().toString())
                .toString();
    }

    private static String line(TimelineEntry e) {
        return List.of(
                        e.occurredAt().toString(),
                        e.entryId(),
                        e.module(),
                        e.kind(),
                        String.valueOf(e.subjectId()),
                        String.valueOf(e.channel()),
                        e.summary())
                .toString();
    }

    private List<AuditEntry> chain(Connection c, String sql) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, TENANT.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditRecord record = new AuditRecord(
                            TENANT,
                            RequestId.of(UUID.fromString(sql.replaceAll(".*request_id = '([^']+)'.*", "$1"))),
                            ActorRef.parse(rs.getString("actor")),
                            rs.getString("type"),
                            rs.getString("channel"),
                            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                            JSON.readValue(rs.getString("details"), DETAILS));
                    out.add(new AuditEntry(
                            record, rs.getLong("position"), rs.getString("previous_hash"), rs.getString("hash")));
                }
            }
        }
        return out;
    }

    /**
     * Rows as text (nulls as "null", times as instants); the tenant is the first parameter when the query
     * has one.
     */
    private static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                ps.setString(1, TENANT.value());
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof java.sql.Timestamp) {
                            v = rs.getObject(i, OffsetDateTime.class).toInstant();
                        }
                        row.add(String.valueOf(v));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }
}
