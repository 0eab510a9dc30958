package org.opengru.test.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.GruCore;
import org.opengru.core.event.DomainEventPublisher;
import org.opengru.core.id.EventId;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresJobScheduler;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.job.Job;
import org.opengru.core.job.JobListener;
import org.opengru.core.job.JobScheduler;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxMessage;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.core.rgpd.EndOfLife;
import org.opengru.core.rgpd.PurgeJob;
import org.opengru.core.rgpd.RetentionPolicy;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.Timeline;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.Representations;
import org.opengru.core.webhook.WebhookEndpoint;
import org.opengru.core.webhook.WebhookSecret;
import org.opengru.core.webhook.WebhookSender;
import org.opengru.core.webhook.WebhookSignatureException;
import org.opengru.core.webhook.WebhookVerifier;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.documents.vault.RequestVisibility;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.SiteDirectory;
import org.opengru.scheduling.usager.AppointmentTimeline;
import org.opengru.test.MutableClock;
import org.opengru.test.core.RequestFixtures;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.scheduling.SchedulingFixture;

/**
 * The code of docs/persistence.md, run as written there on PostgreSQL (DocSnippetsTest checks the page):
 * the wiring, the relay with its lease and its webhook, the jobs, dead letters, the receiving side of the
 * webhook and the usager's timeline across modules.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PersistenceDocExamplesTest {

    private static final TenantId TENANT = TenantId.of("commune-persistance");
    private static final String SECRET_TEXT = "a-32-byte-or-longer-secret-for-the-logiciel-metier";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final PostgresDatabase db;

    PersistenceDocExamplesTest(PostgresDatabase db) {
        this.db = db;
    }

    /** Stands for the host's connection pool. */
    private DataSource yourPool() {
        return db.dataSource();
    }

    /** The database migrated, with the outbox writing for the logiciel métier. */
    private PostgresPersistence migrated(Clock clock) {
        PostgresPersistence pg = PostgresPersistence.builder(db.dataSource(), clock)
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build();
        pg.migrate();
        return pg;
    }

    @Test
    void theWiringRunsOnPostgresAndASecondStartFindsTheSchemaAndTheData() {
        UsagerId lea = UsagerId.of(UUID.randomUUID());
        {
            // tag::wiring[]
            DataSource dataSource = yourPool(); // HikariCP, Agroal, the app server's
            PostgresPersistence pg = PostgresPersistence.builder(dataSource, clock)
                    .outboxSubscribers(Set.of("logiciel-metier"))
                    .build();
            pg.migrate(); // the same runner as the Spring Boot starter

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
            // end::wiring[]
            core.usagers()
                    .save(Person.declared(lea, TENANT, "MARTIN", List.of("Léa"), Contact.none(), clock.instant()));
        }
        // The next start of the application: the same code, the migrations already applied.
        PostgresPersistence restarted = migrated(clock);
        assertThat(restarted.usagerStore().find(TENANT, lea)).isPresent();
    }

    @Test
    void theRelaysLeaseIsAtLeastItsSubscribersTimeout() {
        PostgresPersistence pg = migrated(clock);
        WebhookEndpoint endpoint = new WebhookEndpoint(
                "logiciel-metier",
                URI.create("https://metier.example.fr/hooks/opengru"),
                WebhookSecret.of(SECRET_TEXT),
                Duration.ofSeconds(10));
        // tag::relay-lease[]
        OutboxRelay relay = OutboxRelay.builder(pg.outbox(), clock)
                .subscriber(WebhookSender.create(endpoint, clock)) // its timeout() is the endpoint's + 5 s to connect
                .lease(Duration.ofMinutes(2)) // at least every subscriber's timeout
                .build();
        // end::relay-lease[]
        assertThat(relay.lease()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theRelayDeliversToTheLogicielMetiersWebhook() {
        PostgresPersistence pg = migrated(clock);
        String secretFromVault = SECRET_TEXT;
        // tag::relay[]
        OutboxRelay relay = OutboxRelay.builder(pg.outbox(), clock)
                .subscriber(WebhookSender.create(
                        new WebhookEndpoint(
                                "logiciel-metier",
                                URI.create("https://metier.example.fr/hooks/opengru"),
                                WebhookSecret.of(secretFromVault),
                                Duration.ofSeconds(10)),
                        clock))
                .retry(12, Duration.ofSeconds(5), Duration.ofHours(1)) // attempts, first delay, cap
                .build();
        // Run relay::drain every second as a job (see Jobs above): on every node, one at a time.
        // end::relay[]
        assertThat(relay.drain()).isZero();
    }

    @Test
    void theJobsRunOnPostgresOneRunAtATimeAcrossTheNodes() throws Exception {
        PostgresPersistence pg = migrated(clock);
        DataSource dataSource = db.dataSource();
        TenantId tenant = TENANT;
        OutboxRelay relay = OutboxRelay.builder(pg.outbox(), clock).build();
        PurgeJob purgeJob = new PurgeJob(
                pg.retentionStore(),
                clock,
                List.of(new RetentionPolicy(
                        RequestFixtures.PROCEDURE.code(), Period.ofYears(1), Period.ofYears(1), EndOfLife.PURGE)),
                10);
        // tag::jobs[]
        List<Job> jobs = List.of(
                Job.named("outbox-relay")
                        .every(Duration.ofSeconds(1))
                        .minimumInterval(Duration.ofMillis(100)) // a shorter interval is refused
                        .runs(relay::drain),
                Job.every("retention-saint-martin", Duration.ofHours(6), () -> purgeJob.run(tenant)));

        JobScheduler scheduler = PostgresJobScheduler.builder(dataSource) // several nodes, one PostgreSQL
                .jobs(jobs)
                .lease(Duration.ofSeconds(30))
                .listener(JobListener.none())
                .build();
        // or, in memory / on one node: JobScheduler.local(jobs, JobListener.none())
        scheduler.start();
        // ... the application runs
        scheduler.close(); // waits up to 10 s for the runs in progress
        // end::jobs[]
        assertThat(scheduler.isRunning()).isFalse();
        List<String> scheduled = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT task_name FROM " + PostgresJobScheduler.TABLE)) {
            while (rs.next()) {
                scheduled.add(rs.getString(1));
            }
        }
        assertThat(scheduled).contains("outbox-relay", "retention-saint-martin");
    }

    /** A request's submission event, as the request store appends it. */
    private static OutboxMessage submitted(String request, Instant at, String payload) {
        return new OutboxMessage(
                EventId.of(UUID.randomUUID()), TENANT, "request", request, "RequestSubmitted", at, payload);
    }

    private static OutboxSubscriber answering(OutboxSubscriber.DeliveryResult result) {
        return new OutboxSubscriber() {
            @Override
            public String name() {
                return "logiciel-metier";
            }

            @Override
            public DeliveryResult deliver(OutboxRecord record) {
                return result;
            }
        };
    }

    @Test
    void aDeadLetterKeepsOnlyItsDigestOnceItsRetentionHasPassed() {
        Outbox outbox = Outbox.inMemory(clock, Set.of("logiciel-metier"));
        outbox.append(
                List.of(submitted(UUID.randomUUID().toString(), clock.instant(), "{\"applicant\":\"Jeanne Martin\"}")));
        // tag::dead-letters[]
        OutboxRelay relay = OutboxRelay.builder(outbox, clock)
                .subscriber(answering(OutboxSubscriber.DeliveryResult.permanent("HTTP 410")))
                .deadLetterRetention(Duration.ofDays(30))
                .build();
        relay.runOnce(); // dead at once (410)
        clock.advance(Duration.ofDays(30));
        int withinRetention = relay.pruneDeadLetters(); // 0: still within its 30 days
        clock.advance(Duration.ofSeconds(1));
        int pruned = relay.pruneDeadLetters(); // 1: only the payload's SHA-256 is left
        // end::dead-letters[]
        assertThat(withinRetention).isZero();
        assertThat(pruned).isEqualTo(1);
        assertThat(outbox.withStatus(OutboxStatus.DEAD, 1).get(0).message().payload())
                .doesNotContain("Jeanne");
    }

    private final List<String> processed = new CopyOnWriteArrayList<>();

    private void process(byte[] body) {
        processed.add(new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void theReceivingSideVerifiesTheSignatureAndRefusesAForgery() throws Exception {
        Clock clock = Clock.systemUTC(); // the verifier's replay window is checked against the real time
        PostgresPersistence pg = migrated(clock);
        WebhookSecret secret = WebhookSecret.of(SECRET_TEXT);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // tag::receiver[]
        WebhookVerifier verifier = WebhookVerifier.of(Clock.systemUTC(), Duration.ofMinutes(5), secret);
        server.createContext("/hooks/opengru", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = 204;
            try {
                verifier.verify(exchange.getRequestHeaders().getFirst("OpenGRU-Signature"), body);
                process(body); // de-duplicate on the "id" field first
            } catch (WebhookSignatureException e) { // MISSING, MALFORMED, OUTSIDE_REPLAY_WINDOW, MISMATCH
                status = 401;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        // end::receiver[]
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/opengru");
            String aggregate = UUID.randomUUID().toString();
            pg.outbox().append(List.of(submitted(aggregate, clock.instant(), "{}")));
            OutboxRelay relay = OutboxRelay.builder(pg.outbox(), clock)
                    .subscriber(WebhookSender.create(
                            new WebhookEndpoint("logiciel-metier", uri, secret, Duration.ofSeconds(10)), clock))
                    .build();
            assertThat(relay.drain()).isEqualTo(1);
            assertThat(processed).singleElement().asString().contains(aggregate);

            OutboxRelay forger = OutboxRelay.builder(pg.outbox(), clock)
                    .subscriber(WebhookSender.create(
                            new WebhookEndpoint(
                                    "logiciel-metier",
                                    uri,
                                    WebhookSecret.of("another-32-byte-or-longer-secret-not-the-metiers"),
                                    Duration.ofSeconds(10)),
                            clock))
                    .retry(1, Duration.ofSeconds(1), Duration.ofSeconds(1))
                    .build();
            pg.outbox().append(List.of(submitted(UUID.randomUUID().toString(), clock.instant(), "{}")));
            forger.drain();
            assertThat(processed).hasSize(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theUsagersTimelineGathersEveryModulesContributors() {
        PostgresPersistence pg = migrated(clock);
        GruCore core = GruCore.builder()
                .clock(clock)
                .requestStore(pg.requestStore())
                .usagerStore(pg.usagerStore())
                .mandateStore(pg.mandateStore())
                .build();
        BookingService bookings = new BookingService(
                BookingStore.inMemory(),
                SiteDirectory.of(List.of(SchedulingFixture.setup())),
                BookingPolicy.defaults(),
                clock,
                IdGenerator.create(clock),
                RateLimiter.unlimited(),
                DomainEventPublisher.none());
        DocumentVault vault = DocumentVault.builder()
                .clock(clock)
                .ids(core.ids())
                .store(DocumentStore.inMemory())
                .ingestor(DocumentIngestor.builder()
                        .blobStore(BlobStore.inMemory())
                        .encryption(new EnvelopeEncryption(StaticKeyProvider.generated("timeline")))
                        .scanner(VirusScanner.unscanned())
                        .build())
                .representations(new Representations(core.usagers(), core.mandates()))
                .requestVisibility(RequestVisibility.of(core.requestStore(), core.accessPolicy()))
                .build();
        UsagerId lea = UsagerId.of(UUID.randomUUID());
        TimelineEntry note = new TimelineEntry(
                TENANT, lea, clock.instant(), "core:note:1", "core", "note", null, null, "Dossier ouvert");
        pg.timelineStore().append(note);
        // tag::timeline[]
        Timeline timeline = Timeline.of(List.of(
                pg.timelineStore(), new AppointmentTimeline(bookings.store(), bookings.sites()), vault.timeline()));
        // end::timeline[]
        assertThat(timeline.page(TENANT, lea, null, 10).entries()).containsExactly(note);
    }
}
