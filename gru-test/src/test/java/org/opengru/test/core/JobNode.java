package org.opengru.test.core;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.opengru.core.jdbc.PostgresJobScheduler;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.job.Job;
import org.opengru.core.job.JobScheduler;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.rgpd.EndOfLife;
import org.opengru.core.rgpd.PurgeJob;
import org.opengru.core.rgpd.RetentionPolicy;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.webhook.WebhookEndpoint;
import org.opengru.core.webhook.WebhookSecret;
import org.opengru.core.webhook.WebhookSender;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * One application node in a JVM of its own, for {@link JobsAcrossNodesTest}: the outbox relay (to the
 * test's webhook receiver), the retention purge (telling the test of each purged request) and a tick job,
 * on the PostgreSQL job scheduler. Each run is written to {@code job_run} as it starts and as it ends,
 * each on a connection of its own, so that a run cut by a kill stays visible without an end. The node
 * stops when its standard input closes (the test ends it, or the test JVM died).
 *
 * <p>Arguments: host, port, database, node name, the test's HTTP base URI, the lease (ISO-8601).
 */
public final class JobNode {

    static final TenantId TENANT = TenantId.of("commune-jobs");
    static final String SUBSCRIBER = "logiciel-metier";
    static final String SECRET = "a-32-byte-or-longer-secret-for-the-logiciel-metier";
    static final Duration RELAY_EVERY = Duration.ofMillis(300);
    static final Duration RETENTION_EVERY = Duration.ofSeconds(1);
    static final Duration TICK_EVERY = Duration.ofMillis(500);

    private JobNode() {}

    public static void main(String[] args) throws Exception {
        PostgresDatabase db = new PostgresDatabase(args[0], Integer.parseInt(args[1]), args[2], "postgres");
        String node = args[3];
        URI test = URI.create(args[4]);
        Duration lease = Duration.parse(args[5]);
        DataSource ds = db.newDataSource();
        Clock clock = Clock.systemUTC();
        PostgresPersistence pg = PostgresPersistence.builder(ds, clock)
                .outboxSubscribers(Set.of(SUBSCRIBER))
                .build();
        OutboxRelay relay = OutboxRelay.builder(pg.outbox(), clock)
                .subscriber(WebhookSender.create(
                        new WebhookEndpoint(
                                SUBSCRIBER, test.resolve("/hook"), WebhookSecret.of(SECRET), Duration.ofSeconds(20)),
                        clock))
                .build();
        HttpClient http = HttpClient.newHttpClient();
        PurgeJob purge = new PurgeJob(
                pg.retentionStore(),
                clock,
                List.of(new RetentionPolicy(
                        RequestFixtures.PROCEDURE.code(), Period.ofYears(1), Period.ofYears(1), EndOfLife.PURGE)),
                4,
                (tenant, request, how) -> {
                    try {
                        http.send(
                                HttpRequest.newBuilder(test.resolve("/purged"))
                                        .timeout(Duration.ofSeconds(60))
                                        .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        RunLog log = new RunLog(ds, node);
        List<Job> jobs = List.of(
                Job.every("outbox-relay", RELAY_EVERY, log.recorded("outbox-relay", relay::drain)),
                Job.every("retention", RETENTION_EVERY, log.recorded("retention", () -> purge.run(TENANT))),
                Job.every("tick", TICK_EVERY, log.recorded("tick", () -> {})));
        JobScheduler scheduler = PostgresJobScheduler.builder(ds)
                .nodeName(node)
                .lease(lease)
                .jobs(jobs)
                .build();
        scheduler.start();
        System.out.println("node " + node + " started");
        while (System.in.read() >= 0) {
            // until the test closes our standard input
        }
        scheduler.stop();
        System.out.println("node " + node + " stopped");
        System.exit(0);
    }

    /** Writes each run's start and end, each in its own autocommitted statement. */
    private record RunLog(DataSource ds, String node) {

        Runnable recorded(String job, Runnable body) {
            return () -> {
                long id = start(job);
                try {
                    body.run();
                } finally {
                    end(id);
                }
            };
        }

        private long start(String job) {
            try (Connection c = ds.getConnection();
                    PreparedStatement s =
                            c.prepareStatement("INSERT INTO job_run (job, node) VALUES (?, ?) RETURNING id")) {
                s.setString(1, job);
                s.setString(2, node);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private void end(long id) {
            try (Connection c = ds.getConnection();
                    PreparedStatement s =
                            c.prepareStatement("UPDATE job_run SET ended_at = clock_timestamp() WHERE id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
