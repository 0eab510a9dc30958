package org.opengru.test.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.test.reservation.ReservationContract.AGENT;
import static org.opengru.test.reservation.ReservationContract.GYM;
import static org.opengru.test.reservation.ReservationContract.T0;
import static org.opengru.test.reservation.ReservationContract.TENANT;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZonedDateTime;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.principal.Principal;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.webhook.WebhookSecret;
import org.opengru.scheduling.postgres.PostgresReservationStore;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationRequest;
import org.opengru.scheduling.reservation.ReservationService;
import org.opengru.scheduling.reservation.UsagerCategory;
import org.opengru.test.MutableClock;
import org.opengru.test.core.RelaysOnNodes;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.scheduling.SchedulingFixture;
import org.opengru.test.scheduling.SmallPool;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 22 for reservations (scheduling V11): a change writes its reservation row and one event, nothing in
 * {@code gru_outbox}, and two nodes' relays, reading the item log while the changes go on, deliver every
 * reservation's events to a receiver that fails often, each at least once, per reservation in the order
 * they happened (sequences 1, 2, 3...), never one before the one it follows.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class ItemEventLogAcrossNodesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WebhookSecret SECRET = WebhookSecret.of("a-32-byte-or-longer-secret-for-the-logiciel-metier");

    private static PostgresDatabase db;
    private static SmallPool pool;

    @BeforeAll
    static void migrate(PostgresDatabase database) throws Exception {
        db = database;
        SchedulingFixture.migrate(db.dataSource());
        pool = new SmallPool(db.dataSource(), 4);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    /** A node's relay side: gru-core's persistence with the item logs plugged in. */
    private static PostgresPersistence node(javax.sql.DataSource ds, MutableClock clock, String subscriber) {
        // tag::item-log[]
        PostgresPersistence.Builder core =
                PostgresPersistence.builder(ds, clock).outboxSubscribers(Set.of(subscriber));
        SchedulingSchema.itemEventLogs().forEach(core::eventLog); // reservations' and registrations' events
        return core.build();
        // end::item-log[]
    }

    @Test
    void twoRelaysDeliverEveryReservationEventInOrderDespiteAFailingReceiver() throws Exception {
        MutableClock clock = new MutableClock(T0);
        String name = "metier-items";
        AtomicInteger calls = new AtomicInteger();
        Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hooks", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int call = calls.incrementAndGet();
            int status = 204;
            if (call <= 10 || (call <= 40 && call % 3 == 0)) {
                status = 503;
            } else {
                JsonNode json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
                received.computeIfAbsent(json.get("aggregate").get("id").asString(), k -> new CopyOnWriteArrayList<>())
                        .add(json);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
        List<PostgresPersistence> nodes = List.of(node(pool, clock, name), node(db.newDataSource(), clock, name));
        ReservationService service = new ReservationService(
                new PostgresReservationStore(pool),
                List.of(ReservationContract.gym()),
                new Representations(UsagerStore.inMemory(), MandateStore.inMemory()),
                clock,
                IdGenerator.create(clock));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
        Map<String, List<String>> expected = new ConcurrentHashMap<>();
        try {
            List<Future<?>> relays = RelaysOnNodes.start(
                    threads,
                    nodes.stream().map(PostgresPersistence::outbox).toList(),
                    clock,
                    name,
                    uri,
                    SECRET,
                    writing::get);
            // Six reservations while the relays run: requested; four approved; three paid; two cancelled.
            List<Reservation> made = new ArrayList<>();
            List<UsagerId> who = new ArrayList<>();
            long eventsBefore = count("SELECT count(*) FROM scheduling_item_event");
            for (int i = 0; i < 6; i++) {
                UsagerId u = UsagerId.of(UUID.randomUUID());
                ZonedDateTime day = T0.atZone(ReservationContract.PARIS).plusDays(5 + i);
                Reservation r = service.request(
                        Principal.usager(TENANT, u),
                        new ReservationRequest(
                                TENANT,
                                GYM,
                                u,
                                UsagerCategory.RESIDENT,
                                day.withHour(10).toInstant(),
                                day.withHour(18).toInstant(),
                                Map.of()));
                made.add(r);
                who.add(u);
                expected.computeIfAbsent(r.id().toString(), k -> new ArrayList<>())
                        .add("REQUESTED");
            }
            assertThat(count("SELECT count(*) FROM scheduling_item_event") - eventsBefore)
                    .as("one event per change")
                    .isEqualTo(6);
            for (int i = 0; i < 4; i++) {
                service.approve(AGENT, made.get(i).id());
                expected.get(made.get(i).id().toString()).add("APPROVED");
            }
            for (int i = 0; i < 3; i++) {
                service.confirmPayment(TENANT, made.get(i).id(), "op-" + i);
                expected.get(made.get(i).id().toString()).add("PAID");
            }
            for (int i = 2; i < 4; i++) {
                service.cancel(Principal.usager(TENANT, who.get(i)), made.get(i).id(), null);
                expected.get(made.get(i).id().toString()).add("CANCELLED");
            }
            assertThat(count("SELECT count(*) FROM gru_outbox"))
                    .as("no outbox copy")
                    .isZero();
            writing.set(false);
            for (Future<?> f : relays) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            threads.shutdownNow();
            server.stop(0);
        }
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            List<JsonNode> events = received.get(e.getKey());
            assertThat(events.stream().map(j -> j.get("sequence").asLong()).distinct())
                    .as("reservation %s: every event, in order", e.getKey())
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(
                                    1, e.getValue().size())
                            .boxed()
                            .toList());
            assertThat(events.stream().map(j -> j.get("sequence").asLong()).toList())
                    .as("reservation %s: never an event before the one it follows", e.getKey())
                    .isSorted();
            assertThat(events.stream()
                            .map(j -> j.get("data").get("event").get("kind").asString())
                            .distinct())
                    .containsExactlyElementsOf(e.getValue());
            assertThat(events)
                    .allSatisfy(j -> assertThat(j.get("aggregate").get("type").asString())
                            .isEqualTo("reservation"));
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
