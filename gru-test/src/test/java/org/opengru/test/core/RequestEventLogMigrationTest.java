package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.GruCore;
import org.opengru.core.audit.AuditAnchor;
import org.opengru.core.audit.AuditEntry;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ProcedureDefinitions;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.jdbc.Migrations;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.outbox.DeliveryOutcome;
import org.opengru.core.outbox.OutboxClaim;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.HistoryEntry;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Person;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Migration V17 (issue 22): a database filled through the stores of the schema up to V16 (history, audit,
 * timeline, idempotency records, outbox rows delivered, pending and dead), then upgraded. Every chain must
 * verify against its request's anchor when read from the log alone, and the log must hold what the old
 * tables held: history with its reasons, the timeline's usagers, the idempotency keys, the delivery
 * cursors and dead letters.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class RequestEventLogMigrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {};
    private static final String SUBSCRIBER = "logiciel-metier";

    private final PostgresDatabase db;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:15:00Z"));
    private final TenantId tenant =
            TenantId.of("commune-" + UUID.randomUUID().toString().substring(0, 8));
    private final PostgresPersistence pg;

    RequestEventLogMigrationTest(PostgresDatabase db) {
        this.db = db;
        // The schema as the previous release left it: every script before V17.
        List<String> before = Migrations.core().scripts().stream()
                .filter(s -> s.version() < 17)
                .map(s -> s.location().substring(s.location().lastIndexOf('/') + 1))
                .toList();
        Migrations.of("core", before).migrate(db.dataSource());
        this.pg = PostgresPersistence.builder(db.dataSource(), clock)
                .outboxSubscribers(Set.of(SUBSCRIBER))
                .build();
    }

    private GruCore core() {
        GruCore core = GruCore.builder()
                .clock(clock)
                .requestStore(pg.requestStore())
                .exchangeStore(pg.exchangeStore())
                .procedureStore(pg.procedureStore())
                .usagerStore(pg.usagerStore())
                .mandateStore(pg.mandateStore())
                .teamDirectory(pg.teamDirectory())
                .referenceSequence(pg.referenceSequence())
                .build();
        core.teams()
                .save(new Team(
                        tenant,
                        TeamId.of("voirie"),
                        "Service voirie",
                        PostalAddress.france(List.of("1 place de la Mairie"), "69100", "Villeurbanne"),
                        EmailAddress.parse("voirie@mairie.example.fr"),
                        PhoneNumber.parse("04 78 03 67 67")));
        core.procedures().define(tenant, new ProcedureDefinitions().fromJson(GruCoreStoresContract.TERRACE));
        return core;
    }

    @Test
    void theUpgradedLogHoldsEveryChainHistoryKeyTimelineLineAndDeliveryOfTheOldTables() throws Exception {
        GruCore core = core();
        UsagerId claire = core.ids().newUsagerId();
        core.usagers()
                .save(Person.declared(claire, tenant, "Martin", List.of("Claire"), Contact.none(), clock.instant()));
        UsagerPrincipal me = Principal.usager(tenant, claire);
        AgentPrincipal agent = Principal.agent(tenant, AgentId.of("jdupont"), Set.of(TeamId.of("voirie")));

        // A: filed with keys, reviewed, a shared message and an internal note, rejected with a reason.
        Request a = core.requests()
                .create(
                        me,
                        NewRequest.of("autorisation-terrasse", claire, Channel.WEB, FormData.of("surface", 12)),
                        IdempotencyKey.of("create-a"));
        clock.advance(Duration.ofMinutes(1));
        core.requests().submit(me, a.id(), IdempotencyKey.of("submit-a"));
        clock.advance(Duration.ofMinutes(1));
        core.requests().startReview(agent, a.id(), null);
        clock.advance(Duration.ofMinutes(1));
        core.exchanges().post(agent, a.id(), Visibility.SHARED, "Quelle largeur ?", List.of(), Channel.WEB, null);
        clock.advance(Duration.ofMinutes(1));
        core.exchanges()
                .post(agent, a.id(), Visibility.INTERNAL_NOTE, "À vérifier sur place", List.of(), Channel.WEB, null);
        clock.advance(Duration.ofMinutes(1));
        core.requests().reject(agent, a.id(), "Trottoir trop étroit", IdempotencyKey.of("reject-a"));
        // B: filed and submitted, nothing else.
        clock.advance(Duration.ofMinutes(1));
        Request b = core.requests()
                .create(
                        me,
                        NewRequest.of("autorisation-terrasse", claire, Channel.WEB, FormData.of("surface", 3)),
                        null);
        core.requests().submit(me, b.id(), null);

        // Webhooks: A's first two events delivered, its third dead, the rest pending; B's all pending.
        clock.advance(Duration.ofMinutes(1));
        List<OutboxRecord> aStream = pg.outbox().stream(SUBSCRIBER, tenant.value(), "request", a.id().toString());
        assertThat(aStream.size()).as("A's events").isGreaterThanOrEqualTo(4);
        // One event per stream is claimable at a time: claim until A's fourth is offered.
        for (int round = 0; round < 4; round++) {
            OutboxClaim claim = pg.outbox().claim(100, clock.instant(), Duration.ofMinutes(5));
            for (OutboxRecord r : claim.records()) {
                boolean ofA = r.message().aggregateId().equals(a.id().toString());
                DeliveryOutcome outcome = ofA && r.streamSequence() <= 2
                        ? new DeliveryOutcome.Delivered(clock.instant())
                        : ofA && r.streamSequence() == 3
                                ? new DeliveryOutcome.Dead("HTTP 410")
                                : new DeliveryOutcome.Released(clock.instant());
                pg.outbox().complete(claim, r, outcome, clock.instant());
            }
        }

        // What the old tables say, read through today's stores before the upgrade.
        Map<RequestId, List<AuditEntry>> chains = new HashMap<>();
        Map<RequestId, List<HistoryEntry>> histories = new HashMap<>();
        for (Request r : List.of(a, b)) {
            chains.put(r.id(), pg.auditTrail().entries(tenant, r.id()));
            histories.put(r.id(), pg.requestStore().history(tenant, r.id()));
            assertThat(pg.auditTrail().verify(tenant, r.id()).valid()).isTrue();
        }
        // The stored keys are scoped to their caller: read them as stored.
        Map<String, List<String>> keys = new HashMap<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT key, fingerprint, request_id, result_version"
                        + " FROM gru_idempotency WHERE tenant_id = ?")) {
            ps.setString(1, tenant.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.put(
                            rs.getString("key"),
                            List.of(
                                    rs.getString("fingerprint"),
                                    rs.getString("request_id"),
                                    rs.getString("result_version")));
                }
            }
        }
        assertThat(keys).hasSize(3);
        List<OutboxRecord> aBefore = pg.outbox().stream(SUBSCRIBER, tenant.value(), "request", a.id().toString());

        assertThat(Migrations.core().migrate(db.dataSource())).isEqualTo(1);

        try (Connection c = db.dataSource().getConnection()) {
            for (Request r : List.of(a, b)) {
                List<Event> log = log(c, r.id());
                List<AuditEntry> fromLog = log.stream().map(Event::entry).toList();
                // The chain, hash for hash, and it verifies against the request's anchor from the log alone.
                assertThat(fromLog).containsExactlyElementsOf(chains.get(r.id()));
                assertThat(AuditTrail.verify(r.id(), fromLog, anchor(c, r.id())).valid())
                        .isTrue();
                // The history: one event per line, in order, with its reason in the payload.
                List<Event> history = log.stream()
                        .filter(e -> e.entry().record().details().containsKey("sequence"))
                        .toList();
                List<HistoryEntry> lines = histories.get(r.id());
                assertThat(history).hasSize(lines.size());
                for (int i = 0; i < lines.size(); i++) {
                    HistoryEntry h = lines.get(i);
                    Event e = history.get(i);
                    assertThat(e.entry().record().details())
                            .containsEntry("sequence", Integer.toString(h.sequence()))
                            .containsEntry("to", h.to().name());
                    assertThat(e.entry().record().action()).isEqualTo(h.action().name());
                    assertThat(
                                    e.payload() == null
                                            ? null
                                            : e.payload().path("reason").asString(null))
                            .isEqualTo(h.reason());
                    // Shown on the applicant's timeline, as its gru_timeline line was.
                    assertThat(e.usager()).isEqualTo(claire.value());
                }
            }
            List<Event> logA = log(c, a.id());
            // The shared message is on her timeline; the internal note on nobody's.
            assertThat(logA.stream()
                            .filter(e -> e.entry().record().action().equals("message:POST"))
                            .map(Event::usager))
                    .containsExactly(claire.value());
            assertThat(logA.stream()
                            .filter(e -> e.entry().record().action().equals("note:POST"))
                            .map(Event::usager))
                    .containsOnlyNulls()
                    .hasSize(1);
            // Each idempotency key is on the event of the version it produced, with its fingerprint.
            Map<String, List<String>> keysInLog = new HashMap<>();
            for (Event e : logA) {
                if (e.key() != null) {
                    keysInLog.put(
                            e.key(),
                            List.of(
                                    e.fingerprint(),
                                    a.id().toString(),
                                    e.entry().record().details().get("version")));
                }
            }
            assertThat(keysInLog).isEqualTo(keys);
            // Webhook numbering: the events carry the stream sequences the receiver has seen.
            assertThat(logA.stream().map(Event::webhookSeq).filter(s -> s != null))
                    .isSubsetOf(
                            aBefore.stream().map(OutboxRecord::streamSequence).toList())
                    .isSorted()
                    .contains(1L);
            // The cursor: A done up to 3 (two delivered, one dead), the dead letter kept; B owes everything.
            assertThat(scalar(
                            c,
                            "SELECT delivered_seq FROM gru_delivery WHERE tenant_id = ? AND subscriber = ?"
                                    + " AND request_id = '" + a.id() + "'"))
                    .isEqualTo(3L);
            assertThat(scalar(
                            c,
                            "SELECT delivered_seq FROM gru_delivery WHERE tenant_id = ? AND subscriber = ?"
                                    + " AND request_id = '" + b.id() + "'"))
                    .isEqualTo(0L);
            assertThat(scalar(
                            c,
                            "SELECT webhook_seq FROM gru_dead_letter WHERE tenant_id = ? AND subscriber = ?"
                                    + " AND request_id = '" + a.id() + "'"))
                    .isEqualTo(3L);
            // A pending event still has its domain event to send (in the log's payload, not in a copy).
            assertThat(scalar(
                            c,
                            "SELECT count(*) FROM gru_request_event WHERE tenant_id = ? AND ? <> ''"
                                    + " AND request_id = '" + b.id() + "' AND payload::jsonb -> 'events' IS NOT NULL"))
                    .isGreaterThanOrEqualTo(1L);
        }

        // Append-only, but for erasure.
        String ofA = " WHERE request_id = '" + a.id() + "'";
        assertThatThrownBy(() -> db.execute("UPDATE gru_request_event SET type = 'ACCEPT'" + ofA))
                .hasMessageContaining("gru_request_event is append-only");
        assertThatThrownBy(() -> db.execute("DELETE FROM gru_request_event" + ofA))
                .hasMessageContaining("gru_request_event is append-only");
        assertThatThrownBy(() -> db.execute("TRUNCATE gru_request_event"))
                .hasMessageContaining("gru_request_event is append-only");
        assertThatThrownBy(() -> db.execute("UPDATE gru_request_event SET payload = '{}'" + ofA))
                .hasMessageContaining("gru_request_event is append-only");
        db.execute("UPDATE gru_request_event SET payload = NULL, usager_id = NULL" + ofA);
        try (Connection c = db.dataSource().getConnection()) {
            List<AuditEntry> erased = log(c, a.id()).stream().map(Event::entry).toList();
            assertThat(AuditTrail.verify(a.id(), erased, anchor(c, a.id())).valid())
                    .as("an erased payload leaves the chain verifiable")
                    .isTrue();
        }
    }

    /** One row of the log, as the stores will read it. */
    private record Event(
            AuditEntry entry, JsonNode payload, UUID usager, String key, String fingerprint, Long webhookSeq) {}

    private List<Event> log(Connection c, RequestId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT position, type, actor, channel, occurred_at,"
                + " details::text AS details, payload::text AS payload, previous_hash, hash, usager_id,"
                + " idempotency_key, fingerprint, webhook_seq FROM gru_request_event"
                + " WHERE tenant_id = ? AND request_id = ? ORDER BY position")) {
            ps.setString(1, tenant.value());
            ps.setObject(2, id.value());
            List<Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditRecord record = new AuditRecord(
                            tenant,
                            id,
                            ActorRef.parse(rs.getString("actor")),
                            rs.getString("type"),
                            rs.getString("channel"),
                            rs.getObject("occurred_at", java.time.OffsetDateTime.class)
                                    .toInstant(),
                            JSON.readValue(rs.getString("details"), DETAILS));
                    String payload = rs.getString("payload");
                    long seq = rs.getLong("webhook_seq");
                    Long webhookSeq = rs.wasNull() ? null : seq;
                    out.add(new Event(
                            new AuditEntry(
                                    record,
                                    rs.getLong("position"),
                                    rs.getString("previous_hash"),
                                    rs.getString("hash")),
                            payload == null ? null : JSON.readTree(payload),
                            rs.getObject("usager_id", UUID.class),
                            rs.getString("idempotency_key"),
                            rs.getString("fingerprint"),
                            webhookSeq));
                }
            }
            return out;
        }
    }

    private AuditAnchor anchor(Connection c, RequestId id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT audit_length, audit_head FROM gru_request WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, tenant.value());
            ps.setObject(2, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new AuditAnchor(rs.getLong(1), rs.getString(2));
            }
        }
    }

    /** A single number; the first two parameters are the tenant and the subscriber. */
    private long scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant.value());
            ps.setString(2, SUBSCRIBER);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getLong(1);
            }
        }
    }
}
