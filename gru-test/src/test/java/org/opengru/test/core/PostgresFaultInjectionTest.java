package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.jdbc.ConnectionLostException;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestQuery;
import org.opengru.core.request.RequestStore;
import org.opengru.test.net.FaultInjectingProxy;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * A TCP proxy between the application and PostgreSQL cuts the connection (a) before the command's first
 * statement reaches the server and (b) after the server committed but before the client hears it. The
 * client retries the filing of the request as a service does (recomputing it: new id, new reference)
 * with the same idempotency key: there must be exactly one request, one audit entry, one outbox event.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresFaultInjectionTest {

    /**
     * The filing is one autocommitted statement: the server commits, then replies with its command tag
     * ({@code SELECT 1}); losing that reply is losing the commit's acknowledgment. (The tests prove the
     * commit happened: the retry is a replay.)
     */
    private static final String COMMITTED_REPLY = "SELECT 1\u0000";

    private final PostgresDatabase db;
    private FaultInjectingProxy proxy;
    private PostgresPersistence viaProxy;
    private PostgresPersistence direct;

    PostgresFaultInjectionTest(PostgresDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() throws Exception {
        proxy = FaultInjectingProxy.start(db.host(), db.port());
        viaProxy = PostgresPersistence.builder(db.dataSourceVia(proxy.host(), proxy.port()), Clock.systemUTC())
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build();
        direct = PostgresPersistence.builder(db.dataSource(), Clock.systemUTC())
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build();
        direct.migrate();
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    /** Files a request: the first attempt under the armed fault, then one retry. Returns the retry's result. */
    private RequestStore.Outcome fileWithOneRetry(
            RequestFixtures fixtures, UsagerId applicant, @Nullable IdempotencyKey key) {
        RequestStore store = viaProxy.requestStore();
        assertThatThrownBy(() -> store.apply(fixtures.draft(applicant, Instant.now(), key)))
                .isInstanceOf(ConnectionLostException.class);
        assertThat(proxy.faultsFired()).isEqualTo(1);
        // The retry recomputes the command, as RequestService.create does: a new id and a new reference.
        return store.apply(fixtures.draft(applicant, Instant.now(), key));
    }

    /** The test's checks: one request with one history entry, one audit entry, one outbox event, one key. */
    private void assertExactlyOneEffect(RequestFixtures fixtures, UsagerId applicant) throws Exception {
        List<Request> requests =
                direct.requestStore().byApplicants(fixtures.tenant(), Set.of(applicant), RequestQuery.firstPage());
        assertThat(requests).as("requests filed").hasSize(1);
        Request r = requests.get(0);
        assertThat(direct.requestStore().history(fixtures.tenant(), r.id())).hasSize(1);
        assertThat(direct.auditTrail().entries(fixtures.tenant(), r.id())).hasSize(1);
        // The webhook's event is in the log (the relay reads it there): once, and no outbox copy.
        assertThat(count(
                        "SELECT count(*) FROM gru_request_event e, json_array_elements(e.payload -> 'events')"
                                + " WHERE e.tenant_id = ?",
                        fixtures.tenant().value()))
                .as("webhook events")
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM gru_outbox WHERE tenant_id = ?",
                        fixtures.tenant().value()))
                .as("outbox copies")
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM gru_request_event WHERE tenant_id = ?",
                        fixtures.tenant().value()))
                .as("audit entries")
                .isEqualTo(1);
    }

    private long count(String sql, String tenant) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aConnectionCutBeforeTheStatementReachesTheServerLeavesNothingAndTheRetryFilesOnce() throws Exception {
        RequestFixtures fixtures = new RequestFixtures();
        UsagerId applicant = UsagerId.of(UUID.randomUUID());
        IdempotencyKey key = IdempotencyKey.of("file-" + UUID.randomUUID());
        proxy.cutBeforeClientSends("INSERT INTO gru_request_event");

        RequestStore.Outcome retried = fileWithOneRetry(fixtures, applicant, key);

        assertThat(retried.replayed()).as("nothing had been stored").isFalse();
        assertExactlyOneEffect(fixtures, applicant);
    }

    @Test
    void aCommitWhoseReplyIsLostIsReplayedByTheRetryWithNoSecondEffect() throws Exception {
        RequestFixtures fixtures = new RequestFixtures();
        UsagerId applicant = UsagerId.of(UUID.randomUUID());
        IdempotencyKey key = IdempotencyKey.of("file-" + UUID.randomUUID());
        proxy.cutBeforeServerReplies(COMMITTED_REPLY);

        RequestStore.Outcome retried = fileWithOneRetry(fixtures, applicant, key);

        assertThat(retried.replayed()).as("the first attempt had committed").isTrue();
        assertExactlyOneEffect(fixtures, applicant);
        assertThat(direct.requestStore().idempotency(fixtures.tenant(), key))
                .hasValueSatisfying(rec ->
                        assertThat(rec.requestId()).isEqualTo(retried.request().id()));
    }

    /** Without an idempotency key, the same fault and retry file the request twice: the checks fail. */
    @Test
    void theChecksCatchARetryWithoutIdempotencyKey() {
        RequestFixtures fixtures = new RequestFixtures();
        UsagerId applicant = UsagerId.of(UUID.randomUUID());
        proxy.cutBeforeServerReplies(COMMITTED_REPLY);

        RequestStore.Outcome retried = fileWithOneRetry(fixtures, applicant, null);

        assertThat(retried.replayed()).isFalse();
        assertThatThrownBy(() -> assertExactlyOneEffect(fixtures, applicant))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("requests filed");
    }
}
