package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.EventId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.outbox.DeliveryOutcome;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxClaim;
import org.opengru.core.outbox.OutboxMessage;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.webhook.WebhookEndpoint;
import org.opengru.core.webhook.WebhookEnvelope;
import org.opengru.core.webhook.WebhookSecret;
import org.opengru.core.webhook.WebhookSender;
import org.opengru.core.webhook.WebhookSignatureException;
import org.opengru.core.webhook.WebhookVerifier;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook delivery to a real HTTP receiver on loopback that fails for a while, then recovers, with two
 * relay "nodes" on two data sources draining one PostgreSQL outbox at once.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class WebhookDeliveryTest {

    private static final TenantId TENANT = TenantId.of("commune-webhook");
    private static final WebhookSecret SECRET = WebhookSecret.of("a-32-byte-or-longer-secret-for-the-logiciel-metier");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PostgresDatabase db;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refusedSignatures = new CopyOnWriteArrayList<>();

    WebhookDeliveryTest(PostgresDatabase db) {
        this.db = db;
        PostgresPersistence.builder(db.dataSource(), clock).build().migrate();
    }

    /** Fails the first 15 calls, then one call in three until the 60th, then accepts everything. */
    private boolean receiverFails(int call) {
        return call <= 15 || (call <= 60 && call % 3 == 0);
    }

    @BeforeEach
    void startReceiver() throws IOException {
        db.execute("TRUNCATE gru_outbox, gru_outbox_stream");
        WebhookVerifier verifier = WebhookVerifier.of(clock, Duration.ofMinutes(5), SECRET);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hooks/opengru", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int call = calls.incrementAndGet();
            int status;
            try {
                verifier.verify(exchange.getRequestHeaders().getFirst("OpenGRU-Signature"), body);
                if (receiverFails(call)) {
                    status = 503;
                } else {
                    accepted.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
                    status = 204;
                }
            } catch (WebhookSignatureException e) {
                refusedSignatures.add(e.getMessage());
                status = 401;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    private URI receiverUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/opengru");
    }

    /** Appends {@code perRequest} events for each of {@code requests} requests, interleaved. */
    private Map<String, List<EventId>> appendInterleaved(Outbox outbox, int requests, int perRequest) {
        Map<String, List<EventId>> sent = new ConcurrentHashMap<>();
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < requests; r++) {
            ids.add(UUID.randomUUID().toString());
        }
        for (int i = 1; i <= perRequest; i++) {
            for (String id : ids) {
                EventId eventId = EventId.of(UUID.randomUUID());
                sent.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(eventId);
                outbox.append(List.of(new OutboxMessage(
                        eventId,
                        TENANT,
                        "request",
                        id,
                        "RequestStatusChanged",
                        clock.instant(),
                        "{\"step\":" + i + ",\"request\":{\"id\":\"" + id + "\"}}")));
            }
        }
        return sent;
    }

    private Outbox outboxOn(DataSource ds) {
        return PostgresPersistence.builder(ds, clock)
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build()
                .outbox();
    }

    /** Runs one relay per outbox in its own thread until nothing is pending; the clock moves when idle. */
    private void runRelaysUntilDrained(List<Outbox> nodes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Outbox node : nodes) {
                OutboxRelay relay = OutboxRelay.builder(node, clock)
                        .subscriber(WebhookSender.create(
                                new WebhookEndpoint("logiciel-metier", receiverUri(), SECRET, Duration.ofSeconds(5)),
                                clock))
                        .retry(50, Duration.ofSeconds(1), Duration.ofSeconds(8))
                        .batchSize(7)
                        .build();
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < 5_000 && node.count(OutboxStatus.PENDING) > 0; round++) {
                        if (relay.runOnce() == 0) {
                            clock.advance(Duration.ofMillis(500)); // let backoffs fall due, no sleeping
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The test's checks: all delivered, signatures valid, per request in order without a gap. */
    private void assertEveryEventDeliveredInOrder(Outbox outbox, Map<String, List<EventId>> sent) {
        assertThat(refusedSignatures).isEmpty();
        assertThat(outbox.count(OutboxStatus.PENDING)).isZero();
        assertThat(outbox.count(OutboxStatus.DEAD)).isZero();
        Map<String, List<String>> receivedPerRequest = new ConcurrentHashMap<>();
        Map<String, List<Long>> sequencesPerRequest = new ConcurrentHashMap<>();
        for (JsonNode body : accepted) {
            assertThat(body.get("schemaVersion").asString()).isEqualTo(WebhookEnvelope.SCHEMA_VERSION);
            String request = body.get("aggregate").get("id").asString();
            receivedPerRequest
                    .computeIfAbsent(request, k -> new ArrayList<>())
                    .add(body.get("id").asString());
            sequencesPerRequest
                    .computeIfAbsent(request, k -> new ArrayList<>())
                    .add(body.get("sequence").asLong());
        }
        for (Map.Entry<String, List<EventId>> e : sent.entrySet()) {
            List<String> expected = e.getValue().stream().map(EventId::toString).toList();
            assertThat(receivedPerRequest.get(e.getKey()))
                    .as("events of request %s, in the order received", e.getKey())
                    .containsExactlyElementsOf(expected);
            List<Long> seqs = sequencesPerRequest.get(e.getKey());
            for (int i = 0; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).isEqualTo(i + 1L);
            }
        }
    }

    @Test
    void everyEventIsDeliveredSignedAndInOrderPerRequestDespiteAFailingReceiver() throws Exception {
        Outbox nodeA = outboxOn(db.dataSource());
        Outbox nodeB = outboxOn(db.newDataSource());
        Map<String, List<EventId>> sent = appendInterleaved(nodeA, 8, 6);

        runRelaysUntilDrained(List.of(nodeA, nodeB));

        assertThat(calls.get()).as("the receiver failed some calls").isGreaterThan(48 + 15);
        assertEveryEventDeliveredInOrder(nodeA, sent);
        assertThat(nodeA.withStatus(OutboxStatus.DELIVERED, 1000))
                .anySatisfy(r -> assertThat(r.attempts()).isGreaterThan(1));
    }

    /** The same checks fail when the relay's claim ignores the per-aggregate ordering guard. */
    @Test
    void theOrderingCheckFailsWithARelayThatIgnoresEarlierPendingEvents() throws Exception {
        Outbox real = outboxOn(db.dataSource());
        Outbox broken = new UnorderedOutbox(real, JdbcTransactions.of(db.newDataSource()));
        Map<String, List<EventId>> sent = appendInterleaved(real, 8, 6);

        runRelaysUntilDrained(List.of(broken));

        assertThatThrownBy(() -> assertEveryEventDeliveredInOrder(real, sent)).isInstanceOf(AssertionError.class);
    }

    @Test
    void theVerifierRefusesATamperedBodyAWrongSecretAndAReplayOutsideTheWindow() {
        byte[] body = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        long now = clock.instant().getEpochSecond();
        String header = org.opengru.core.webhook.WebhookSignatures.header(SECRET, now, body);
        WebhookVerifier verifier = WebhookVerifier.of(clock, Duration.ofMinutes(5), SECRET);
        verifier.verify(header, body);

        assertThatThrownBy(() -> verifier.verify(header, "{\"id\":\"y\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        WebhookSignatureException.class,
                        e -> assertThat(e.reason()).isEqualTo(WebhookSignatureException.Reason.MISMATCH));
        WebhookVerifier otherSecret = WebhookVerifier.of(
                clock, Duration.ofMinutes(5), WebhookSecret.of("another-secret-of-at-least-thirty-two-bytes"));
        assertThatThrownBy(() -> otherSecret.verify(header, body)).isInstanceOf(WebhookSignatureException.class);
        MutableClock later = new MutableClock(clock.instant().plus(Duration.ofMinutes(6)));
        assertThatThrownBy(() ->
                        WebhookVerifier.of(later, Duration.ofMinutes(5), SECRET).verify(header, body))
                .isInstanceOfSatisfying(
                        WebhookSignatureException.class,
                        e -> assertThat(e.reason()).isEqualTo(WebhookSignatureException.Reason.OUTSIDE_REPLAY_WINDOW));
        assertThatThrownBy(() -> verifier.verify(null, body)).isInstanceOf(WebhookSignatureException.class);
        assertThatThrownBy(() -> verifier.verify("v1=zz", body)).isInstanceOf(WebhookSignatureException.class);
    }

    @Test
    void theEnvelopeSchemaShipsInTheJar() throws Exception {
        JsonNode schema = JSON.readTree(WebhookEnvelope.schema());
        assertThat(schema.get("$id").asString()).isEqualTo(WebhookEnvelope.SCHEMA_ID);
        assertThat(schema.get("required").toString()).contains("\"id\"", "\"sequence\"", "\"data\"");
    }

    /**
     * A deliberately broken outbox for the test above: claims due pending records with SKIP LOCKED but
     * without checking for an earlier pending record of the same aggregate.
     */
    private static final class UnorderedOutbox implements Outbox {
        private final Outbox delegate;
        private final JdbcTransactions tx;

        UnorderedOutbox(Outbox delegate, JdbcTransactions tx) {
            this.delegate = delegate;
            this.tx = tx;
        }

        @Override
        public Set<String> subscribers() {
            return delegate.subscribers();
        }

        @Override
        public void append(List<OutboxMessage> messages) {
            delegate.append(messages);
        }

        /** Leases due pending records like the real claim, but skips the check for an earlier pending one. */
        @Override
        public OutboxClaim claim(int max, Instant now, Duration lease) {
            UUID token = UUID.randomUUID();
            Instant until = now.plus(lease);
            List<Long> ids = tx.inTransaction(c -> {
                List<Long> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("UPDATE gru_outbox SET next_attempt_at = ?, lease = ?"
                        + " WHERE id IN (SELECT id FROM gru_outbox WHERE status = 'PENDING' AND next_attempt_at <= ?"
                        + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING id")) {
                    ps.setObject(1, java.time.OffsetDateTime.ofInstant(until, java.time.ZoneOffset.UTC));
                    ps.setObject(2, token);
                    ps.setObject(3, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
                    ps.setInt(4, max);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getLong(1));
                        }
                    }
                }
                return out;
            });
            List<OutboxRecord> records = delegate.withStatus(OutboxStatus.PENDING, 100_000).stream()
                    .filter(r -> ids.contains(r.id()))
                    .toList();
            return new OutboxClaim(token, until, records);
        }

        @Override
        public boolean complete(OutboxClaim claim, OutboxRecord record, DeliveryOutcome outcome, Instant now) {
            return delegate.complete(claim, record, outcome, now);
        }

        @Override
        public List<OutboxRecord> stream(String subscriber, String tenant, String aggregateType, String aggregateId) {
            return delegate.stream(subscriber, tenant, aggregateType, aggregateId);
        }

        @Override
        public List<OutboxRecord> withStatus(OutboxStatus status, int limit) {
            return delegate.withStatus(status, limit);
        }

        @Override
        public long count(OutboxStatus status) {
            return delegate.count(status);
        }

        @Override
        public boolean retryDead(EventId eventId, String subscriber, Instant now) {
            return delegate.retryDead(eventId, subscriber, now);
        }

        @Override
        public int pruneDeadLetters(Instant deadBefore) {
            return delegate.pruneDeadLetters(deadBefore);
        }
    }
}
