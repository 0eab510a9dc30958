package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.jdbc.Migrations;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestChange;
import org.opengru.core.request.RequestQuery;
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.Timeline;
import org.opengru.core.timeline.TimelineCursor;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.core.timeline.TimelinePage;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * Migration V20 (issue 22 item 5: the timeline index without its computed entry id, the reference and the
 * idempotency key compared byte for byte) on requests written before it: the 360° timeline walks the same
 * lines in the same order (several events per instant, so the ties the index no longer orders), the
 * idempotency keys still replay, the references still find their request and refuse a duplicate, and each
 * of these reads still goes through its index.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class LighterRequestEventIndexesMigrationTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private final PostgresDatabase db;
    private final PostgresPersistence pg;
    private final RequestFixtures fixtures = new RequestFixtures();
    private final TenantId tenant = fixtures.tenant();

    LighterRequestEventIndexesMigrationTest(PostgresDatabase db) {
        this.db = db;
        List<String> before = Migrations.core().scripts().stream()
                .filter(s -> s.version() < 20)
                .map(s -> s.location().substring(s.location().lastIndexOf('/') + 1))
                .toList();
        Migrations.of("core", before).migrate(db.dataSource());
        this.pg = PostgresPersistence.builder(db.dataSource(), Clock.systemUTC())
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build();
    }

    @Test
    void requestsWrittenBeforeV20ReadTheSameThroughTheNewIndexes() throws SQLException {
        RequestStore store = pg.requestStore();
        UsagerId applicant = UsagerId.of(UUID.randomUUID());
        List<RequestChange> keyed = new ArrayList<>();
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            // Three requests filed at each instant: their events tie on time, the entry id orders them.
            RequestChange filed = fixtures.draft(
                    applicant, T0.plus(Duration.ofMinutes(i / 3)), IdempotencyKey.of("depot-demande-" + i));
            keyed.add(filed);
            Request draft = store.apply(filed).request();
            requests.add(store.apply(fixtures.submit(
                            draft, T0.plus(Duration.ofMinutes(i / 3)).plusSeconds(30), null))
                    .request());
        }
        // Another usager's request, same instants.
        store.apply(fixtures.draft(UsagerId.of(UUID.randomUUID()), T0, IdempotencyKey.of("autre-usager-0")));
        List<TimelineEntry> before = walk(applicant);
        assertThat(before).hasSize(18);
        assertThat(before).isSortedAccordingTo(TimelineEntry.NEWEST_FIRST);

        assertThat(Migrations.core().migrate(db.dataSource())).isEqualTo(1);

        assertThat(walk(applicant)).containsExactlyElementsOf(before);
        for (int i = 0; i < keyed.size(); i++) {
            // The retried command finds its key and replays, nothing written.
            RequestStore.Outcome retried = store.apply(keyed.get(i));
            assertThat(retried.replayed()).isTrue();
            assertThat(retried.request().id()).isEqualTo(requests.get(i).id());
            assertThat(store.findByReference(tenant, requests.get(i).reference()))
                    .map(Request::id)
                    .contains(requests.get(i).id());
        }
        assertThat(store.byApplicants(tenant, Set.of(applicant), RequestQuery.firstPage()))
                .extracting(Request::id)
                .containsExactlyInAnyOrderElementsOf(
                        requests.stream().map(Request::id).toList());

        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            assertThat(rows(
                            c,
                            "SELECT attrelid::regclass || '.' || attname || ' ' || collname FROM pg_attribute"
                                    + " JOIN pg_collation co ON co.oid = attcollation WHERE (attrelid, attname) IN"
                                    + " (('gru_request'::regclass, 'reference'),"
                                    + " ('gru_request_event'::regclass, 'idempotency_key')) ORDER BY 1"))
                    .containsExactly("gru_request.reference C", "gru_request_event.idempotency_key C");
            // The tables are small: without these the planner would rather read them whole.
            s.execute("ANALYZE gru_request");
            s.execute("ANALYZE gru_request_event");
            s.execute("SET enable_seqscan = off");
            assertThat(plan(
                            c,
                            "SELECT occurred_at FROM gru_request_event e WHERE e.tenant_id = ? AND e.usager_id = ?"
                                    + " AND (e.occurred_at, gru_event_entry_id(e.type, e.request_id, e.details) COLLATE"
                                    + " \"C\") < (now(), 'z') ORDER BY e.occurred_at DESC,"
                                    + " gru_event_entry_id(e.type, e.request_id, e.details) COLLATE \"C\" DESC LIMIT 5",
                            applicant.value()))
                    .contains("Index Scan Backward using gru_request_event_timeline")
                    .contains("Incremental Sort");
            assertThat(plan(
                            c,
                            "SELECT request_id FROM gru_request_event WHERE tenant_id = ? AND idempotency_key = ?",
                            "depot-demande-1"))
                    .contains("gru_request_event_idempotency");
            assertThat(plan(
                            c,
                            "SELECT id FROM gru_request WHERE tenant_id = ? AND reference = ?",
                            requests.get(0).reference().toString()))
                    .contains("gru_request_reference");
        }
    }

    private List<TimelineEntry> walk(UsagerId usager) {
        Timeline timeline = Timeline.of(List.of(pg.timelineStore()));
        List<TimelineEntry> walked = new ArrayList<>();
        TimelineCursor cursor = null;
        int pages = 0;
        do {
            TimelinePage page = timeline.page(tenant, usager, cursor, 4);
            walked.addAll(page.entries());
            cursor = page.next() == null
                    ? null
                    : TimelineCursor.parse(page.next().token());
            pages++;
        } while (cursor != null && pages <= 20); // a keyset that does not advance stops here
        return walked;
    }

    private String plan(Connection c, String sql, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            ps.setString(1, tenant.value());
            ps.setObject(2, value);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
