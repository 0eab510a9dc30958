package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.audit.AuditAnchor;
import org.opengru.core.audit.AuditEntry;
import org.opengru.core.audit.AuditHashes;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.audit.AuditVerification;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestStatus;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * Tampering with the stored audit trail, in SQL: the application cannot change it (trigger), and what a
 * table owner does after disabling the trigger shows up in {@link AuditTrail#verify}.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresAuditTamperingTest {

    private final PostgresDatabase db;
    private final PostgresPersistence pg;
    private final AuditTrail trail;

    PostgresAuditTamperingTest(PostgresDatabase db) {
        this.db = db;
        this.pg =
                PostgresPersistence.builder(db.dataSource(), Clock.systemUTC()).build();
        pg.migrate();
        this.trail = pg.auditTrail();
    }

    private RequestId chainOf(int n) {
        RequestId request = RequestId.of(UUID.randomUUID());
        for (int i = 0; i < n; i++) {
            trail.append(AuditTrailContract.record(AuditTrailContract.TENANT, request, i));
        }
        return request;
    }

    @Test
    void theApplicationCannotUpdateDeleteOrTruncateAuditEntries() {
        RequestId request = chainOf(2);
        for (String sql : List.of(
                "UPDATE gru_request_event SET type = 'forged' WHERE request_id = '" + request + "'",
                "DELETE FROM gru_request_event WHERE request_id = '" + request + "'",
                "TRUNCATE gru_request_event")) {
            assertThatThrownBy(() -> db.execute(sql)).hasMessageContaining("gru_request_event is append-only");
        }
        assertThat(trail.verify(AuditTrailContract.TENANT, request).valid()).isTrue();
        // Erasure is the one change allowed: the personal payload goes, the chain (over its digest) still holds.
        db.execute(
                "UPDATE gru_request_event SET payload = NULL, usager_id = NULL WHERE request_id = '" + request + "'");
        assertThat(trail.verify(AuditTrailContract.TENANT, request).valid()).isTrue();
    }

    @Test
    void anEntryEditedInTheDatabaseIsDetected() throws SQLException {
        RequestId request = chainOf(4);
        asOwnerWithoutTrigger("UPDATE gru_request_event SET actor = 'agent:someone-else' WHERE request_id = '" + request
                + "' AND position = 2");
        AuditVerification v = trail.verify(AuditTrailContract.TENANT, request);
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(2);
        assertThat(v.problem()).contains("edited");
    }

    /**
     * An event's payload (the reason, the domain events) is covered by its digest in the chained details
     * ({@code payloadSha256}): editing it shows, erasing it (NULL) does not break the chain.
     */
    @Test
    void anEditedPayloadIsDetectedAndAnErasedOneStillVerifies() throws SQLException {
        RequestFixtures fixtures = new RequestFixtures();
        org.opengru.core.request.Request draft = pg.requestStore()
                .apply(fixtures.draft(
                        org.opengru.core.id.UsagerId.of(UUID.randomUUID()), java.time.Instant.now(), null))
                .request();
        org.opengru.core.request.Request submitted = pg.requestStore()
                .apply(fixtures.submit(draft, java.time.Instant.now(), null))
                .request();
        pg.requestStore()
                .apply(fixtures.decide(
                        submitted, org.opengru.core.request.RequestStatus.REJECTED, false, java.time.Instant.now()));
        RequestId request = draft.id();
        assertThat(trail.verify(fixtures.tenant(), request).valid()).isTrue();

        asOwnerWithoutTrigger("UPDATE gru_request_event SET payload = replace(payload::text, '\"REJECTED\"',"
                + " '\"ACCEPTED\"')::json WHERE request_id = '" + request + "' AND position = 2");
        AuditVerification v = trail.verify(fixtures.tenant(), request);
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(2);
        assertThat(v.problem()).contains("payload does not match its digest");

        db.execute("UPDATE gru_request_event SET payload = NULL WHERE request_id = '" + request + "' AND position = 2");
        assertThat(trail.verify(fixtures.tenant(), request).valid()).isTrue();
    }

    @Test
    void anEntryDeletedInTheDatabaseIsDetected() throws SQLException {
        RequestId request = chainOf(4);
        asOwnerWithoutTrigger("DELETE FROM gru_request_event WHERE request_id = '" + request + "' AND position = 1");
        AuditVerification v = trail.verify(AuditTrailContract.TENANT, request);
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(1);
    }

    @Test
    void aPairSwappedInTheDatabaseIsDetected() throws SQLException {
        RequestId request = chainOf(4);
        // Swap the positions of entries 1 and 2, as if they had been written in the other order.
        asOwnerWithoutTrigger(
                "ALTER TABLE gru_request_event DROP CONSTRAINT IF EXISTS gru_request_event_position_check");
        asOwnerWithoutTrigger("UPDATE gru_request_event SET position = -position - 100 WHERE request_id = '" + request
                + "' AND position IN (1, 2)");
        asOwnerWithoutTrigger("UPDATE gru_request_event SET position = CASE position WHEN -101 THEN 2 ELSE 1 END"
                + " WHERE request_id = '" + request + "' AND position IN (-101, -102)");
        List<AuditEntry> entries = trail.entries(AuditTrailContract.TENANT, request);
        assertThat(entries).extracting(AuditEntry::position).containsExactly(0L, 1L, 2L, 3L);
        AuditVerification v = trail.verify(AuditTrailContract.TENANT, request);
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(1);
    }

    /** The same checks catch nothing with a verifier that only re-hashes each entry on its own. */
    @Test
    void theTamperingChecksFailAgainstAVerifierThatIgnoresTheChain() {
        RequestId request = chainOf(5);
        List<AuditEntry> stored = trail.entries(AuditTrailContract.TENANT, request);
        assertThatThrownBy(() -> AuditTrailContract.assertTamperingDetected(
                        request, stored, PostgresAuditTamperingTest::selfHashOnly))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("deleted entry detected");
    }

    /** A deliberately broken verifier: checks each entry's own hash, not the links between entries. */
    private static AuditVerification selfHashOnly(List<AuditEntry> entries) {
        RequestId request = entries.get(0).record().requestId();
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).selfConsistent()) {
                return new AuditVerification(request, entries.size(), i, "edited", "");
            }
        }
        return new AuditVerification(request, entries.size(), -1, null, "");
    }

    /**
     * A stored request (drafted, submitted, decided: three audit entries written by the request store,
     * the first by the one-statement insert) and {@code more} entries appended through the trail.
     */
    private Request requestWithChain(RequestFixtures fixtures, int more) {
        Instant t = Instant.parse("2026-03-02T09:00:00Z");
        Request draft = pg.requestStore()
                .apply(fixtures.draft(UsagerId.of(UUID.randomUUID()), t, null))
                .request();
        Request submitted =
                pg.requestStore().apply(fixtures.submit(draft, t, null)).request();
        Request decided = pg.requestStore()
                .apply(fixtures.decide(submitted, RequestStatus.ACCEPTED, false, t.plusSeconds(60)))
                .request();
        for (int i = 0; i < more; i++) {
            trail.append(AuditTrailContract.record(fixtures.tenant(), decided.id(), i));
        }
        return decided;
    }

    @Test
    void theRequestRecordsTheLengthAndHeadOfItsChain() {
        RequestFixtures fixtures = new RequestFixtures();
        Request r = requestWithChain(fixtures, 2);
        List<AuditEntry> entries = trail.entries(fixtures.tenant(), r.id());
        assertThat(entries).hasSize(5);
        assertThat(trail.anchor(fixtures.tenant(), r.id()))
                .contains(new AuditAnchor(5, entries.get(4).hash()));
        assertThat(trail.verify(fixtures.tenant(), r.id()).valid()).isTrue();
    }

    @Test
    void aTruncatedTailIsDetected() throws SQLException {
        RequestFixtures fixtures = new RequestFixtures();
        Request r = requestWithChain(fixtures, 2);
        asOwnerWithoutTrigger("DELETE FROM gru_request_event WHERE request_id = '" + r.id() + "' AND position >= 3");

        AuditVerification v = trail.verify(fixtures.tenant(), r.id());
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(3);
        assertThat(v.problem()).contains("truncated").contains("records 5");
        assertThat(AuditTrail.verify(r.id(), trail.entries(fixtures.tenant(), r.id()))
                        .valid())
                .as("what is left links up: the chain alone (today's check) cannot tell")
                .isTrue();
    }

    @Test
    void aTruncatedChainStaysBrokenAfterLaterAppends() throws SQLException {
        RequestFixtures fixtures = new RequestFixtures();
        Request r = requestWithChain(fixtures, 2);
        asOwnerWithoutTrigger("DELETE FROM gru_request_event WHERE request_id = '" + r.id() + "' AND position >= 3");
        trail.append(AuditTrailContract.record(fixtures.tenant(), r.id(), 7));

        AuditVerification v = trail.verify(fixtures.tenant(), r.id());
        assertThat(v.valid())
                .as("the append continues from the recorded head, leaving a gap")
                .isFalse();
        assertThat(v.brokenAt()).isEqualTo(3);
    }

    @Test
    void aDeletedChainIsDetected() throws SQLException {
        RequestFixtures fixtures = new RequestFixtures();
        Request r = requestWithChain(fixtures, 0);
        asOwnerWithoutTrigger("DELETE FROM gru_request_event WHERE request_id = '" + r.id() + "'");

        AuditVerification v = trail.verify(fixtures.tenant(), r.id());
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenAt()).isZero();
        assertThat(v.problem()).contains("chain deleted").contains("records 3");
        assertThat(AuditTrail.verify(r.id(), List.of()).valid())
                .as("an empty chain verifies on its own")
                .isTrue();
    }

    @Test
    void aChainRewrittenFromTheStartIsDetectedByItsHead() throws SQLException {
        RequestFixtures fixtures = new RequestFixtures();
        Request r = requestWithChain(fixtures, 0);
        List<AuditEntry> entries = trail.entries(fixtures.tenant(), r.id());
        // Re-hash the whole chain with the last entry's actor changed (and no details): every link holds.
        asOwnerWithoutTrigger("DELETE FROM gru_request_event WHERE request_id = '" + r.id() + "'");
        String previous = AuditHashes.GENESIS;
        for (AuditEntry e : entries) {
            AuditRecord old = e.record();
            AuditRecord rec = new AuditRecord(
                    old.tenant(),
                    old.requestId(),
                    e.position() == entries.size() - 1 ? new ActorRef(ActorKind.AGENT, "someone-else") : old.actor(),
                    old.action(),
                    old.channel(),
                    old.occurredAt(),
                    Map.of());
            String hash = AuditHashes.entryHash(rec, e.position(), previous);
            asOwnerWithoutTrigger(
                    "INSERT INTO gru_request_event (tenant_id, request_id, position, occurred_at, actor, type, channel,"
                            + " details, previous_hash, hash) VALUES ('"
                            + rec.tenant().value() + "', '" + r.id() + "', "
                            + e.position() + ", '" + rec.occurredAt() + "', '" + rec.actor() + "', '" + rec.action()
                            + "', '" + rec.channel() + "', '{}', '" + previous + "', '" + hash + "')");
            previous = hash;
        }
        assertThat(AuditTrail.verify(r.id(), trail.entries(fixtures.tenant(), r.id()))
                        .valid())
                .isTrue();
        AuditVerification v = trail.verify(fixtures.tenant(), r.id());
        assertThat(v.valid()).isFalse();
        assertThat(v.problem()).contains("chain rewritten");
    }

    private void asOwnerWithoutTrigger(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("ALTER TABLE gru_request_event DISABLE TRIGGER gru_request_event_append_only");
            s.execute(sql);
            s.execute("ALTER TABLE gru_request_event ENABLE TRIGGER gru_request_event_append_only");
            c.commit();
        }
    }
}
