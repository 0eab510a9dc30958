package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.audit.AuditEntry;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.audit.AuditVerification;
import org.opengru.core.id.RequestId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * Tampering with the stored audit trail, in SQL: the application cannot change it (trigger), and what a
 * table owner does after disabling the trigger shows up in {@link AuditTrail#verify}.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresAuditTamperingTest {

    private final PostgresDatabase db;
    private final AuditTrail trail;

    PostgresAuditTamperingTest(PostgresDatabase db) {
        this.db = db;
        PostgresPersistence pg =
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
                "UPDATE gru_audit SET action = 'forged' WHERE request_id = '" + request + "'",
                "DELETE FROM gru_audit WHERE request_id = '" + request + "'",
                "TRUNCATE gru_audit")) {
            assertThatThrownBy(() -> db.execute(sql)).hasMessageContaining("gru_audit is append-only");
        }
        assertThat(trail.verify(AuditTrailContract.TENANT, request).valid()).isTrue();
    }

    @Test
    void anEntryEditedInTheDatabaseIsDetected() throws SQLException {
        RequestId request = chainOf(4);
        asOwnerWithoutTrigger("UPDATE gru_audit SET actor = 'agent:someone-else' WHERE request_id = '" + request
                + "' AND position = 2");
        AuditVerification v = trail.verify(AuditTrailContract.TENANT, request);
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(2);
        assertThat(v.problem()).contains("edited");
    }

    @Test
    void anEntryDeletedInTheDatabaseIsDetected() throws SQLException {
        RequestId request = chainOf(4);
        asOwnerWithoutTrigger("DELETE FROM gru_audit WHERE request_id = '" + request + "' AND position = 1");
        AuditVerification v = trail.verify(AuditTrailContract.TENANT, request);
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(1);
    }

    @Test
    void aPairSwappedInTheDatabaseIsDetected() throws SQLException {
        RequestId request = chainOf(4);
        // Swap the positions of entries 1 and 2, as if they had been written in the other order.
        asOwnerWithoutTrigger("ALTER TABLE gru_audit DROP CONSTRAINT IF EXISTS gru_audit_position_check");
        asOwnerWithoutTrigger("UPDATE gru_audit SET position = -position - 100 WHERE request_id = '" + request
                + "' AND position IN (1, 2)");
        asOwnerWithoutTrigger("UPDATE gru_audit SET position = CASE position WHEN -101 THEN 2 ELSE 1 END"
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

    private void asOwnerWithoutTrigger(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("ALTER TABLE gru_audit DISABLE TRIGGER gru_audit_append_only");
            s.execute(sql);
            s.execute("ALTER TABLE gru_audit ENABLE TRIGGER gru_audit_append_only");
            c.commit();
        }
    }
}
