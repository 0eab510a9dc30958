package org.opengru.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.request.RequestService;
import org.opengru.core.usager.UsagerStore;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;
import org.opengru.spring.TestTenant;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.documents.GruDocumentsAutoConfiguration;
import org.opengru.spring.franceconnect.GruFranceConnectAutoConfiguration;
import org.opengru.spring.scheduling.GruSchedulingAutoConfiguration;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@ExtendWith(EmbeddedPostgresExtension.class)
class GruActuateAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruDocumentsAutoConfiguration.class,
                    GruSchedulingAutoConfiguration.class,
                    GruFranceConnectAutoConfiguration.class,
                    GruHealthAutoConfiguration.class,
                    GruMetricsAutoConfiguration.class))
            .withBean(Clock.class, () -> TestTenant.CLOCK)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues(TestTenant.PROPERTIES);

    @Test
    void metricsCountTransitionsBookingsAndFailedWebhooksAndHealthReportsTheBacklog(
            PostgresDatabase db, @TempDir Path documents) throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer failingErp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        failingErp.createContext("/hook", ex -> {
            calls.incrementAndGet();
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        failingErp.start();
        try {
            runner.withBean(DataSource.class, db::dataSource)
                    .withPropertyValues(
                            "gru.documents.storage-path=" + documents,
                            "gru.webhooks.logiciel-metier.url=http://127.0.0.1:"
                                    + failingErp.getAddress().getPort() + "/hook",
                            "gru.webhooks.logiciel-metier.secret=0123456789abcdef0123456789abcdef")
                    .run(context -> {
                        MeterRegistry meters = context.getBean(MeterRegistry.class);
                        TestTenant.submitToDecision(
                                context.getBean(RequestService.class), context.getBean(UsagerStore.class));
                        assertThat(meters.counter(
                                                "gru.requests.transitions",
                                                "tenant",
                                                "saint-martin",
                                                "status",
                                                "ACCEPTED",
                                                "action",
                                                "ACCEPT")
                                        .count())
                                .isEqualTo(1.0);

                        BookingService bookings = context.getBean(BookingService.class);
                        var slot = bookings.availability(
                                        TestTenant.TENANT,
                                        SiteId.of("mairie"),
                                        ServiceId.of("passeport"),
                                        LocalDate.of(2026, 3, 3),
                                        LocalDate.of(2026, 3, 3),
                                        1)
                                .get(0);
                        bookings.book(BookingRequest.online(
                                TestTenant.TENANT,
                                SiteId.of("mairie"),
                                ServiceId.of("passeport"),
                                slot.start(),
                                TestTenant.resident(context.getBean(UsagerStore.class))
                                        .usager()));
                        assertThat(meters.counter("gru.bookings", "tenant", "saint-martin", "kind", "BOOKED")
                                        .count())
                                .isEqualTo(1.0);

                        assertThat(meters.get("gru.outbox.pending").gauge().value())
                                .isPositive();
                        context.getBean(OutboxRelay.class).runOnce();
                        assertThat(calls.get()).isPositive();
                        assertThat(meters.counter(
                                                "gru.webhook.deliveries",
                                                "subscriber",
                                                "logiciel-metier",
                                                "outcome",
                                                "retry")
                                        .count())
                                .isPositive();

                        var outbox = context.getBean("gruOutboxHealthIndicator", HealthIndicator.class)
                                .health();
                        assertThat(outbox.getStatus()).isEqualTo(Status.UP);
                        assertThat((Long) outbox.getDetails().get("pending")).isPositive();
                        assertThat(context.getBean("gruDatabaseHealthIndicator", HealthIndicator.class)
                                        .health()
                                        .getDetails())
                                .containsEntry("schema", "migrated");
                        var docs = refreshed(context.getBean("gruDocumentsHealthIndicator", HealthIndicator.class));
                        assertThat(docs.getStatus()).isEqualTo(Status.UP);
                        assertThat(docs.getDetails()).containsEntry("writable", true);
                    });
        } finally {
            failingErp.stop(0);
        }
    }

    @Test
    void theProviderIndicatorChecksDiscoveryAndJwks() throws IOException {
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start(InetAddress.getLoopbackAddress(), 0);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String fc = "gru.tenants.saint-martin.franceconnect.";
        try {
            runner.withPropertyValues(
                            fc + "issuer=" + provider.issuerUrl("fcp"),
                            fc + "client-id=client",
                            fc + "client-secret=secret",
                            fc + "redirect-uri=https://demarches.saint-martin.fr/callback",
                            fc + "signing-algorithm=RS256",
                            "gru.tenants.val-de-loire.name=Val",
                            "gru.tenants.val-de-loire.franceconnect.issuer=http://127.0.0.1:" + closedPort + "/api/v2",
                            "gru.tenants.val-de-loire.franceconnect.client-id=client",
                            "gru.tenants.val-de-loire.franceconnect.client-secret=secret",
                            "gru.tenants.val-de-loire.franceconnect.redirect-uri=https://val.fr/callback")
                    .run(context -> {
                        var health =
                                refreshed(context.getBean("gruFranceConnectHealthIndicator", HealthIndicator.class));
                        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(health.getDetails()).containsEntry("saint-martin.franceconnect", "UP");
                        assertThat((String) health.getDetails().get("val-de-loire.franceconnect"))
                                .startsWith("DOWN");
                    });
        } finally {
            provider.shutdown();
        }
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnIndicatorOrMetrics() {
        HealthIndicator own =
                () -> org.springframework.boot.health.contributor.Health.up().build();
        GruMetrics metrics = new GruMetrics(new SimpleMeterRegistry());
        runner.withBean("gruDatabaseHealthIndicator", HealthIndicator.class, () -> own)
                .withBean(GruMetrics.class, () -> metrics)
                .run(context -> {
                    assertThat(context.getBean("gruDatabaseHealthIndicator")).isSameAs(own);
                    assertThat(context.getBean(GruMetrics.class)).isSameAs(metrics);
                });
    }

    @Test
    void absentWithoutActuatorOrMicrometer() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class, MeterRegistry.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean("gruDatabaseHealthIndicator")
                        .doesNotHaveBean(GruMetrics.class));
    }

    @Test
    void anUnwritableStorageDirectoryIsDown(@TempDir Path dir) {
        var indicator = new GruHealthIndicators.DocumentStorage(
                dir.resolve("missing"), org.opengru.documents.scan.VirusScanner.unscanned());
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    /** The indicator's answer once its background check ran (the first one runs at start). */
    private static org.springframework.boot.health.contributor.Health refreshed(HealthIndicator indicator) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (indicator.health().getStatus().equals(Status.UNKNOWN) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(
                    java.time.Duration.ofMillis(20).toNanos());
        }
        return indicator.health();
    }

    @Test
    void checksThatCallOutRunInTheBackgroundAndNotAtEachHealthRequest() throws Exception {
        AtomicInteger pings = new AtomicInteger();
        try (ServerSocket clamd = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread daemon = new Thread(() -> {
                while (!clamd.isClosed()) {
                    try (java.net.Socket s = clamd.accept()) {
                        s.getInputStream().readNBytes("zPING\0".length());
                        pings.incrementAndGet();
                        s.getOutputStream().write("PONG\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        // closed at the end of the test
                    }
                }
            });
            daemon.setDaemon(true);
            daemon.start();
            runner.withPropertyValues(
                            "gru.documents.clamd-host=127.0.0.1",
                            "gru.documents.clamd-port=" + clamd.getLocalPort(),
                            "gru.health.refresh-interval=1h")
                    .run(context -> {
                        HealthIndicator docs = context.getBean("gruDocumentsHealthIndicator", HealthIndicator.class);
                        var first = refreshed(docs);
                        assertThat(first.getStatus()).isEqualTo(Status.UP);
                        assertThat(first.getDetails())
                                .containsEntry("clamd", "answers")
                                .containsKey("checkedAt");
                        int afterStart = pings.get();
                        assertThat(afterStart).as("the check at start").isEqualTo(1);
                        for (int i = 0; i < 20; i++) {
                            assertThat(docs.health().getStatus()).isEqualTo(Status.UP);
                        }
                        assertThat(pings.get()).as("no call per health request").isEqualTo(afterStart);
                        ((CachedHealthIndicator) docs).refresh();
                        assertThat(pings.get())
                                .as("the background refresh calls out")
                                .isEqualTo(afterStart + 1);
                    });
        }
    }

    @Test
    void aRefreshIntervalUnderFiveSecondsFailsTheStart() {
        runner.withPropertyValues("gru.health.refresh-interval=1s")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("refreshInterval"));
    }
}
