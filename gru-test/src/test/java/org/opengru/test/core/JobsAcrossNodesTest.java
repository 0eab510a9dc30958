package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.webhook.WebhookEndpoint;
import org.opengru.core.webhook.WebhookSecret;
import org.opengru.core.webhook.WebhookSender;
import org.opengru.core.webhook.WebhookSignatures;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * Two application nodes, each a JVM of its own ({@link JobNode}), run the jobs on one PostgreSQL. The
 * first node is killed ({@code destroyForcibly}: SIGKILL, no shutdown hook, its sockets closed by the
 * kernel) while it is in the middle of an outbox relay batch (a webhook call held by the receiver) and in
 * the middle of a purge (the end-of-life call of its first purged request held). The other node must take
 * both jobs over after the lease: every event is delivered, every expired request purged, and each job
 * runs once per period: never on two nodes at once, never sooner than its interval after the end of the
 * previous run, and again after the kill.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class JobsAcrossNodesTest {

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int LIVE_REQUESTS = 30;
    private static final int EXPIRED_REQUESTS = 10;

    private final PostgresDatabase db;
    private final HttpServer server;
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private final Set<String> purged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean holdWebhook = new AtomicBoolean();
    private final AtomicBoolean holdPurge = new AtomicBoolean();
    private final CountDownLatch webhookHeld = new CountDownLatch(1);
    private final CountDownLatch purgeHeld = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Process> nodes = new ArrayList<>();
    private final RequestFixtures fixtures = new RequestFixtures(JobNode.TENANT);

    JobsAcrossNodesTest(PostgresDatabase db) throws IOException {
        this.db = db;
        PostgresPersistence.builder(db.dataSource(), Clock.systemUTC()).build().migrate();
        db.execute("CREATE TABLE job_run (id bigserial PRIMARY KEY, job text NOT NULL, node text NOT NULL,"
                + " started_at timestamptz NOT NULL DEFAULT clock_timestamp(), ended_at timestamptz)");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", ex -> {
            body(ex);
            answer(ex, holdWebhook, webhookHeld, delivered, eventId(ex));
        });
        server.createContext("/purged", ex -> answer(ex, holdPurge, purgeHeld, purged, body(ex)));
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        nodes.forEach(Process::destroyForcibly);
        server.stop(0);
    }

    @Test
    void killingANodeMidRelayBatchAndMidPurgeLosesNoEventAndNoPeriod() throws Exception {
        List<String> expiredIds = seedExpiredRequestsAndDeliverTheirEvents();
        holdWebhook.set(true);
        holdPurge.set(true);
        List<String> liveEvents = seedLiveRequests();

        Process a = startNode("node-a");
        assertThat(webhookHeld.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .as("node-a called the webhook")
                .isTrue();
        assertThat(purgeHeld.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .as("node-a purged a request")
                .isTrue();
        Process b = startNode("node-b");
        awaitTrue(() -> log("node-b").contains("node node-b started"), "node-b started");
        // Both nodes up for several periods before the kill.
        Instant bothUp = dbNow();
        awaitTrue(
                () -> queryInt(
                                "SELECT count(*) FROM job_run WHERE job = 'tick' AND started_at > ? AND ended_at IS NOT NULL",
                                Timestamp.from(bothUp))
                        >= 6,
                "six ticks with both nodes up");
        assertThat(runningOn("outbox-relay")).as("mid relay batch").containsExactly("node-a");
        assertThat(runningOn("retention")).as("mid purge").containsExactly("node-a");

        a.destroyForcibly();
        assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Instant killedAt = dbNow();
        release.countDown();

        awaitTrue(
                () -> pendingOf(liveEvents) == 0
                        && delivered.containsAll(liveEvents)
                        && remaining(expiredIds) == 0
                        && completedRunsAfter("node-b", killedAt, "outbox-relay") >= 2
                        && completedRunsAfter("node-b", killedAt, "retention") >= 2
                        && completedRunsAfter("node-b", killedAt, "tick") >= 2,
                "node-b took the jobs over, delivered every event and purged every expired request");
        b.getOutputStream().close(); // node-b stops its scheduler (runs end) and exits
        assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(delivered).containsAll(liveEvents);
        assertThat(pendingOf(liveEvents)).isZero();
        assertThat(remaining(expiredIds)).isZero();
        Map<String, Duration> intervals = Map.of(
                "outbox-relay", JobNode.RELAY_EVERY,
                "retention", JobNode.RETENTION_EVERY,
                "tick", JobNode.TICK_EVERY);
        for (Map.Entry<String, Duration> job : intervals.entrySet()) {
            assertOncePerPeriod(job.getKey(), job.getValue(), killedAt);
        }
    }

    /** Runs never overlap, and each starts at least the interval after the previous one ended. */
    private void assertOncePerPeriod(String job, Duration interval, Instant killedAt) throws SQLException {
        List<Run> runs = runs(job);
        assertThat(runs).as(job + " ran").hasSizeGreaterThan(2);
        for (int i = 1; i < runs.size(); i++) {
            Run previous = runs.get(i - 1);
            Run next = runs.get(i);
            Instant previousEnd = previous.ended() != null ? previous.ended() : killedAt;
            assertThat(next.started())
                    .as("%s run %s starts after run %s ended (%s)", job, next, previous, previousEnd)
                    .isAfterOrEqualTo(previousEnd);
            if (previous.ended() != null) {
                // Timestamps are PostgreSQL's (microseconds): allow that rounding, nothing more.
                assertThat(Duration.between(previousEnd, next.started()))
                        .as("%s run %s waited its interval after run %s", job, next, previous)
                        .isGreaterThanOrEqualTo(interval.minus(1, ChronoUnit.MILLIS));
            } else {
                assertThat(previous.node())
                        .as("only the killed node leaves a run without end")
                        .isEqualTo("node-a");
            }
        }
    }

    private record Run(
            long id, String node, Instant started, @Nullable Instant ended) {}

    private List<Run> runs(String job) throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT id, node, started_at, ended_at FROM job_run WHERE job = ? ORDER BY started_at, id")) {
            s.setString(1, job);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp ended = rs.getTimestamp(4);
                    runs.add(new Run(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getTimestamp(3).toInstant(),
                            ended == null ? null : ended.toInstant()));
                }
            }
        }
        return runs;
    }

    private List<String> runningOn(String job) throws SQLException {
        List<String> running = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT node FROM job_run WHERE job = ? AND ended_at IS NULL")) {
            s.setString(1, job);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    running.add(rs.getString(1));
                }
            }
        }
        return running;
    }

    private int completedRunsAfter(String node, Instant after, String job) {
        return queryInt(
                "SELECT count(*) FROM job_run WHERE node = ? AND job = ? AND started_at > ? AND ended_at IS NOT NULL",
                node,
                job,
                Timestamp.from(after));
    }

    /**
     * The request events not delivered yet: the relay reads them from the log, past each request's cursor
     * ({@code gru_delivery.delivered_seq}).
     */
    private static final String PENDING_EVENTS = "SELECT i.ev -> 'event' ->> 'eventId' AS event_id"
            + " FROM gru_request_event e CROSS JOIN LATERAL json_array_elements(e.payload -> 'events')"
            + " WITH ORDINALITY AS i(ev, ord) LEFT JOIN gru_delivery d ON d.tenant_id = e.tenant_id"
            + " AND d.request_id = e.request_id AND d.subscriber = '" + JobNode.SUBSCRIBER + "'"
            + " WHERE e.webhook_seq + i.ord - 1 > coalesce(d.delivered_seq, 0)";

    private int pendingOf(List<String> events) {
        return queryInt("SELECT count(*) FROM (" + PENDING_EVENTS + ") p WHERE event_id = ANY (?)", events);
    }

    private int remaining(List<String> requestIds) {
        return queryInt("SELECT count(*) FROM gru_request WHERE id::text = ANY (?)", requestIds);
    }

    private int queryInt(String sql, Object... parameters) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof List<?> list) {
                    s.setArray(i + 1, c.createArrayOf("text", list.toArray()));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant dbNow() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    /** Requests rejected five years ago (past a 1 + 1 year retention), their events already delivered. */
    private List<String> seedExpiredRequestsAndDeliverTheirEvents() {
        Instant longAgo = Instant.now().minus(Duration.ofDays(5 * 366));
        PostgresPersistence pg = persistence();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EXPIRED_REQUESTS; i++) {
            UsagerId applicant = UsagerId.of(UUID.randomUUID());
            Request draft = pg.requestStore()
                    .apply(fixtures.draft(applicant, longAgo, null))
                    .request();
            Request submitted = pg.requestStore()
                    .apply(fixtures.submit(draft, longAgo.plusSeconds(60), null))
                    .request();
            pg.requestStore()
                    .apply(fixtures.decide(submitted, RequestStatus.REJECTED, false, longAgo.plusSeconds(120)));
            ids.add(draft.id().toString());
        }
        OutboxRelay relay = OutboxRelay.builder(pg.outbox(), Clock.systemUTC())
                .subscriber(WebhookSender.create(
                        new WebhookEndpoint(
                                JobNode.SUBSCRIBER,
                                base().resolve("/hook"),
                                WebhookSecret.of(JobNode.SECRET),
                                Duration.ofSeconds(10)),
                        Clock.systemUTC()))
                .build();
        relay.drain();
        assertThat(queryInt("SELECT count(*) FROM (" + PENDING_EVENTS + ") p")).isZero();
        return ids;
    }

    /** Submitted requests of today: two events each, pending. */
    private List<String> seedLiveRequests() {
        PostgresPersistence pg = persistence();
        Instant now = Instant.now();
        for (int i = 0; i < LIVE_REQUESTS; i++) {
            Request draft = pg.requestStore()
                    .apply(fixtures.draft(UsagerId.of(UUID.randomUUID()), now, null))
                    .request();
            pg.requestStore().apply(fixtures.submit(draft, now, null));
        }
        List<String> events = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(PENDING_EVENTS)) {
            while (rs.next()) {
                events.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(events).hasSize(2 * LIVE_REQUESTS);
        return events;
    }

    private PostgresPersistence persistence() {
        return PostgresPersistence.builder(db.dataSource(), Clock.systemUTC())
                .outboxSubscribers(Set.of(JobNode.SUBSCRIBER))
                .build();
    }

    private Process startNode(String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File logFile = logPath(name).toFile();
        Process p = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        JobNode.class.getName(),
                        db.host(),
                        Integer.toString(db.port()),
                        db.databaseName(),
                        name,
                        base().toString(),
                        LEASE.toString())
                .redirectErrorStream(true)
                .redirectOutput(logFile)
                .start();
        nodes.add(p);
        return p;
    }

    private static Path logPath(String node) throws IOException {
        Path dir = Path.of("target", "job-nodes");
        Files.createDirectories(dir);
        return dir.resolve(node + ".log");
    }

    private static String log(String node) {
        try {
            return Files.readString(logPath(node), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static String eventId(HttpExchange ex) {
        String id = ex.getRequestHeaders().getFirst(WebhookSignatures.EVENT_ID_HEADER);
        return id == null ? "" : id;
    }

    private static String body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Answers 204 and records {@code value}; the first call after {@code hold} was set is held instead until
     * the test releases it, and is not recorded: its caller was killed before it heard the answer.
     */
    private void answer(HttpExchange ex, AtomicBoolean hold, CountDownLatch held, Set<String> seen, String value)
            throws IOException {
        if (hold.compareAndSet(true, false)) {
            held.countDown();
            try {
                release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            seen.add(value);
        }
        try {
            ex.sendResponseHeaders(204, -1);
        } catch (IOException e) {
            // the caller is gone
        }
        ex.close();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(
                    Duration.ofMillis(100).toNanos());
        }
    }
}
