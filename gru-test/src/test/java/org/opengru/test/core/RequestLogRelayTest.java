package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestChange;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.webhook.WebhookSecret;
import org.opengru.core.webhook.WebhookVerifier;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay delivering request events from the log (docs/persistence.md, "The relay: cursors instead of
 * copies"): no outbox copy is written, per-request order holds across two relays, an event committed
 * behind the feed's cursor is still delivered, dead letters are kept, retried and expire, and the webhook
 * reads the request when it sends.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class RequestLogRelayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WebhookSecret SECRET = WebhookSecret.of("a-32-byte-or-longer-secret-for-the-logiciel-metier");

    private final PostgresDatabase db;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    RequestLogRelayTest(PostgresDatabase db) {
        this.db = db;
        PostgresPersistence.builder(db.dataSource(), clock).build().migrate();
    }

    private PostgresPersistence node(String subscriber) {
        return PostgresPersistence.builder(db.dataSource(), clock)
                .outboxSubscribers(Set.of(subscriber))
                .build();
    }

    /** A subscriber that records the events of one tenant and answers as told. */
    private static RecordingSubscriber recording(
            String name, TenantId tenant, Function<OutboxRecord, OutboxSubscriber.DeliveryResult> answer) {
        return new RecordingSubscriber(name, r -> r.message().tenant().equals(tenant), answer);
    }

    private static List<String> ids(List<DomainEvent> events) {
        return events.stream().map(e -> e.eventId().toString()).toList();
    }

    private long rows(String sql) {
        try (java.sql.Connection c = db.dataSource().getConnection();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSubmissionWritesTheRequestAndOneEventAndNoOutboxCopy() {
        PostgresPersistence pg = node("metier-rows");
        RequestFixtures fixtures = new RequestFixtures(TenantId.of("commune-rows"));
        long outboxBefore = rows("SELECT count(*) FROM gru_outbox") + rows("SELECT count(*) FROM gru_outbox_stream");
        long eventsBefore = rows("SELECT count(*) FROM gru_request_event");

        Request draft = pg.requestStore()
                .apply(fixtures.draft(UsagerId.of(UUID.randomUUID()), clock.instant(), null))
                .request();
        pg.requestStore().apply(fixtures.submit(draft, clock.instant(), null));

        assertThat(rows("SELECT count(*) FROM gru_outbox") + rows("SELECT count(*) FROM gru_outbox_stream"))
                .isEqualTo(outboxBefore);
        assertThat(rows("SELECT count(*) FROM gru_request_event")).isEqualTo(eventsBefore + 2);
        assertThat(rows("SELECT webhook_seq FROM gru_request WHERE id = '" + draft.id() + "'"))
                .as("the request numbers its webhook events")
                .isEqualTo(2);
        // The event carries the domain events, not the request document (which stays in the request row).
        assertThat(rows("SELECT count(*) FROM gru_request_event WHERE request_id = '" + draft.id()
                        + "' AND (payload::text LIKE '%\"formData\"%' OR payload::text LIKE '%\"applicant\"%')"))
                .isZero();
    }

    /**
     * What a request's events still owe is listed as pending, oldest first, as the health check's lag reads
     * it: before the relay's feed has seen them, while a delivery is being retried (with its attempts and
     * error), and no longer once delivered. Until the log listed them, the lag of request webhooks read as
     * zero however long the logiciel métier had been refusing them.
     */
    @Test
    void theLogsOwedEventsAreListedAsPendingOldestFirst() {
        TenantId tenant = TenantId.of("commune-lag");
        PostgresPersistence pg = node("metier-lag");
        RequestFixtures fixtures = new RequestFixtures(tenant);
        Instant filed = clock.instant();
        Request draft = pg.requestStore()
                .apply(fixtures.draft(UsagerId.of(UUID.randomUUID()), filed, null))
                .request();
        clock.advance(Duration.ofMinutes(5));
        pg.requestStore().apply(fixtures.submit(draft, clock.instant(), null));

        assertThat(pendingOf(pg, tenant))
                .as("not yet seen by the feed")
                .extracting(r -> r.message().occurredAt())
                .containsExactly(filed, filed.plus(Duration.ofMinutes(5)));

        java.util.concurrent.atomic.AtomicBoolean refusing = new java.util.concurrent.atomic.AtomicBoolean(true);
        RecordingSubscriber subscriber = recording(
                "metier-lag",
                tenant,
                r -> refusing.get()
                        ? OutboxSubscriber.DeliveryResult.retry("503 Service Unavailable")
                        : OutboxSubscriber.DeliveryResult.ok("204"));
        OutboxRelay relay =
                OutboxRelay.builder(pg.outbox(), clock).subscriber(subscriber).build();
        relay.runOnce();

        assertThat(pendingOf(pg, tenant))
                .as("the first event refused, the second waiting behind it")
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.message().occurredAt()).isEqualTo(filed);
                    assertThat(r.message().aggregateId()).isEqualTo(draft.id().toString());
                    assertThat(r.attempts()).isEqualTo(1);
                    assertThat(r.lastError()).contains("503");
                });

        refusing.set(false);
        clock.advance(Duration.ofHours(1));
        relay.drain();
        assertThat(pendingOf(pg, tenant)).isEmpty();
        assertThat(subscriber.received()).hasSize(2);
    }

    private static List<OutboxRecord> pendingOf(PostgresPersistence pg, TenantId tenant) {
        return pg.outbox().withStatus(OutboxStatus.PENDING, 100_000).stream()
                .filter(r -> r.message().tenant().equals(tenant))
                .toList();
    }

    @Test
    void theWebhookReadsTheRequestWhenItSendsWithItsVersion() {
        TenantId tenant = TenantId.of("commune-version");
        PostgresPersistence pg = node("metier-version");
        RequestFixtures fixtures = new RequestFixtures(tenant);
        RecordingSubscriber subscriber =
                recording("metier-version", tenant, r -> OutboxSubscriber.DeliveryResult.ok("204"));
        Request draft = pg.requestStore()
                .apply(fixtures.draft(UsagerId.of(UUID.randomUUID()), clock.instant(), null))
                .request();
        Request submitted = pg.requestStore()
                .apply(fixtures.submit(draft, clock.instant(), null))
                .request();

        OutboxRelay.builder(pg.outbox(), clock).subscriber(subscriber).build().drain();

        assertThat(subscriber.received()).hasSize(2).allSatisfy(r -> {
            JsonNode data = JSON.readTree(r.message().payload());
            assertThat(data.get("requestVersion").asLong()).isEqualTo(submitted.version());
            assertThat(data.get("request").get("status").asString())
                    .isEqualTo(submitted.status().name());
            assertThat(data.get("event").get("eventId").asString())
                    .isEqualTo(r.message().eventId().toString());
        });
        assertThat(subscriber.received())
                .extracting(OutboxRecord::streamSequence)
                .containsExactly(1L, 2L);
    }

    /**
     * The feed reads only below the commit watermark: an event whose transaction started first but commits
     * after a later one was fed still reaches the subscriber.
     */
    @Test
    void anEventCommittedBehindTheFeedCursorIsStillDelivered() throws Exception {
        TenantId tenant = TenantId.of("commune-watermark");
        PostgresPersistence pg = node("metier-watermark");
        RequestFixtures fixtures = new RequestFixtures(tenant);
        RecordingSubscriber subscriber =
                recording("metier-watermark", tenant, r -> OutboxSubscriber.DeliveryResult.ok("204"));
        OutboxRelay relay =
                OutboxRelay.builder(pg.outbox(), clock).subscriber(subscriber).build();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService slow = Executors.newSingleThreadExecutor();
        try {
            Future<Request> first = slow.submit(() -> pg.transactions().inTransaction(c -> {
                Request r = pg.requestStore()
                        .apply(fixtures.draft(UsagerId.of(UUID.randomUUID()), clock.instant(), null))
                        .request();
                written.countDown();
                try {
                    commit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return r;
            }));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            Request second = pg.requestStore()
                    .apply(fixtures.draft(UsagerId.of(UUID.randomUUID()), clock.instant(), null))
                    .request();

            relay.drain(); // the feed passes the second request's event while the first is uncommitted

            commit.countDown();
            Request late = first.get(30, TimeUnit.SECONDS);
            relay.drain();

            assertThat(subscriber.received())
                    .extracting(r -> r.message().aggregateId())
                    .containsExactlyInAnyOrder(late.id().toString(), second.id().toString());
        } finally {
            commit.countDown();
            slow.shutdownNow();
        }
    }

    @Test
    void aDeadLetterLetsTheLaterEventsThroughThenIsRetriedOrExpires() {
        TenantId tenant = TenantId.of("commune-dead");
        PostgresPersistence pg = node("metier-dead");
        RequestFixtures fixtures = new RequestFixtures(tenant);
        AtomicBoolean gone = new AtomicBoolean(true);
        RecordingSubscriber subscriber = recording(
                "metier-dead",
                tenant,
                r -> r.streamSequence() == 1 && gone.get()
                        ? OutboxSubscriber.DeliveryResult.permanent("HTTP 410")
                        : OutboxSubscriber.DeliveryResult.ok("204"));
        OutboxRelay relay = OutboxRelay.builder(pg.outbox(), clock)
                .subscriber(subscriber)
                .deadLetterRetention(Duration.ofDays(30))
                .build();
        RequestChange drafting = fixtures.draft(UsagerId.of(UUID.randomUUID()), clock.instant(), null);
        Request draft = pg.requestStore().apply(drafting).request();
        RequestChange submitting = fixtures.submit(draft, clock.instant(), null);
        pg.requestStore().apply(submitting);

        relay.drain();

        assertThat(subscriber.eventIds()).containsExactlyElementsOf(ids(submitting.events()));
        String deadId = ids(drafting.events()).get(0);
        assertThat(pg.outbox().withStatus(OutboxStatus.DEAD, 100))
                .filteredOn(r -> r.message().tenant().equals(tenant))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.message().eventId().toString()).isEqualTo(deadId);
                    assertThat(r.lastError()).isEqualTo("attempt 1: HTTP 410");
                });
        List<OutboxRecord> stream = pg.outbox().stream(
                "metier-dead", tenant.value(), "request", draft.id().toString());
        assertThat(stream).extracting(OutboxRecord::status).containsExactly(OutboxStatus.DEAD, OutboxStatus.DELIVERED);

        gone.set(false);
        assertThat(pg.outbox().retryDead(stream.get(0).message().eventId(), "metier-dead", clock.instant()))
                .isTrue();
        relay.drain();
        assertThat(subscriber.eventIds()).endsWith(deadId);
        assertThat(pg.outbox().stream(
                        "metier-dead", tenant.value(), "request", draft.id().toString()))
                .extracting(OutboxRecord::status)
                .containsOnly(OutboxStatus.DELIVERED);

        // Another dead letter, left past its retention: it can no longer be retried.
        gone.set(true);
        Request other = pg.requestStore()
                .apply(fixtures.draft(UsagerId.of(UUID.randomUUID()), clock.instant(), null))
                .request();
        relay.drain();
        OutboxRecord dead = pg.outbox().stream(
                        "metier-dead", tenant.value(), "request", other.id().toString())
                .get(0);
        assertThat(dead.status()).isEqualTo(OutboxStatus.DEAD);
        clock.advance(Duration.ofDays(31));
        assertThat(relay.pruneDeadLetters()).isEqualTo(1);
        assertThat(pg.outbox().retryDead(dead.message().eventId(), "metier-dead", clock.instant()))
                .isFalse();
    }

    /**
     * Two relays on two data sources deliver the log to a real receiver that fails for a while, while
     * requests keep changing: every event arrives, signed, in order per request, numbered 1, 2, 3...
     */
    @Test
    void twoRelaysDeliverEveryLoggedEventInOrderDespiteAFailingReceiver() throws Exception {
        TenantId tenant = TenantId.of("commune-nodes");
        String name = "metier-nodes";
        RequestFixtures fixtures = new RequestFixtures(tenant);
        AtomicInteger calls = new AtomicInteger();
        Map<String, List<JsonNode>> received = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> refused = new CopyOnWriteArrayList<>();
        WebhookVerifier verifier = WebhookVerifier.of(clock, Duration.ofMinutes(5), SECRET);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hooks", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int call = calls.incrementAndGet();
            int status = 204;
            try {
                verifier.verify(exchange.getRequestHeaders().getFirst("OpenGRU-Signature"), body);
                if (call <= 15 || (call <= 60 && call % 3 == 0)) {
                    status = 503;
                } else {
                    JsonNode json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
                    if (json.get("tenant").asString().equals(tenant.value())) {
                        received.computeIfAbsent(
                                        json.get("aggregate").get("id").asString(), k -> new CopyOnWriteArrayList<>())
                                .add(json);
                    }
                }
            } catch (RuntimeException e) {
                refused.add(e.toString());
                status = 401;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
        PostgresPersistence writer = node(name);
        List<PostgresPersistence> nodes = List.of(
                node(name),
                PostgresPersistence.builder(db.newDataSource(), clock)
                        .outboxSubscribers(Set.of(name))
                        .build());
        Map<String, List<String>> expected = new LinkedHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> relays = RelaysOnNodes.start(
                    pool,
                    nodes.stream().map(PostgresPersistence::outbox).toList(),
                    clock,
                    name,
                    uri,
                    SECRET,
                    writing::get);
            // Eight requests changing while the relays run: drafted, submitted, then decided.
            List<Request> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                RequestChange draft = fixtures.draft(UsagerId.of(UUID.randomUUID()), clock.instant(), null);
                requests.add(writer.requestStore().apply(draft).request());
                expected.computeIfAbsent(draft.request().id().toString(), k -> new ArrayList<>())
                        .addAll(ids(draft.events()));
            }
            for (int step = 0; step < 2; step++) {
                for (int i = 0; i < requests.size(); i++) {
                    Request current = requests.get(i);
                    RequestChange change = step == 0
                            ? fixtures.submit(current, clock.instant(), null)
                            : fixtures.decide(current, RequestStatus.ACCEPTED, false, clock.instant());
                    requests.set(i, writer.requestStore().apply(change).request());
                    expected.get(current.id().toString()).addAll(ids(change.events()));
                }
            }
            writing.set(false);
            for (Future<?> f : relays) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
            server.stop(0);
        }

        assertThat(refused).isEmpty();
        assertThat(calls.get()).as("the receiver failed some calls").isGreaterThan(15);
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            List<JsonNode> bodies = received.get(e.getKey());
            assertThat(bodies).as("events of request %s", e.getKey()).isNotNull();
            assertThat(bodies.stream().map(b -> b.get("id").asString()).toList())
                    .as("events of request %s, in the order received", e.getKey())
                    .containsExactlyElementsOf(e.getValue());
            for (int i = 0; i < bodies.size(); i++) {
                assertThat(bodies.get(i).get("sequence").asLong()).isEqualTo(i + 1L);
            }
        }
    }
}
