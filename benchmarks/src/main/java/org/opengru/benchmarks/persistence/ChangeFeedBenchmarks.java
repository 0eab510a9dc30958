package org.opengru.benchmarks.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.opengru.benchmarks.Bench;
import org.opengru.core.changes.UsagerChangeFeed;
import org.opengru.core.changes.UsagerChanges;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.principal.Principal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Representations;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * The live follow-up's tick: what one open page of a resident costs the database every few seconds, with
 * 200,000 events of 10,000 usagers in the request event log (the follower's one query, index on usager).
 * {@code core.follow_up_tick_p99_ms} for a tick that finds nothing (the usual one), {@code
 * core.follow_up_tick_with_change_p99_ms} for one that finds a change, and the ticks a second one
 * connection serves ({@code core.follow_up_ticks_per_s}): how many open pages a node's pool can follow.
 */
public final class ChangeFeedBenchmarks implements Bench.Suite {

    private static final int USAGERS = 10_000;
    private static final int EVENTS_PER_USAGER = 20;

    @Override
    public String name() {
        return "ChangeFeedBenchmarks";
    }

    @Override
    public void run(Bench bench) throws Exception {
        try (EmbeddedPostgresExtension.Server server = EmbeddedPostgresExtension.startServer(true)) {
            PostgresDatabase db = server.createDatabase(ChangeFeedBenchmarks.class);
            PostgresPersistence pg = PostgresPersistence.builder(db.dataSource(), Clock.systemUTC())
                    .build();
            pg.migrate();
            TenantId tenant = TenantId.of("commune-bench");
            // The log as the stores write it, without going through them: only the columns the feed reads
            // matter; one event a minute per usager over the last weeks, none in the settle window.
            db.execute("INSERT INTO gru_request_event (tenant_id, request_id, position, type, actor, channel,"
                    + " occurred_at, details, previous_hash, hash, usager_id)"
                    + " SELECT 'commune-bench', md5('r' || (i / 4))::uuid, i % 4, 'SUBMIT', 'agent:bench', 'WEB',"
                    + " now() - interval '1 hour' - (i * interval '7 seconds'), '{}', repeat('0', 64),"
                    + " repeat('0', 64), md5('u' || (i % " + USAGERS + "))::uuid"
                    + " FROM generate_series(0, " + (USAGERS * EVENTS_PER_USAGER - 1) + ") i");
            db.execute("ANALYZE gru_request_event");
            try (OneConnectionDataSource ds = new OneConnectionDataSource(db.newDataSource())) {
                PostgresPersistence one =
                        PostgresPersistence.builder(ds, Clock.systemUTC()).build();
                UsagerChanges changes = UsagerChanges.of(
                        UsagerChangeFeed.postgres(one.transactions()),
                        new Representations(one.usagerStore(), one.mandateStore()),
                        Clock.systemUTC());
                // One of the seeded usagers (md5('u0')::uuid), whose 20 events are older than the settle window.
                String hex = java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("MD5")
                                .digest("u0".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                UsagerId usager = UsagerId.of(
                        UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")));
                UsagerChanges.Follower follower = changes.follow(Principal.usager(tenant, usager));
                int samples = 5_000;
                long[] idle = new long[samples];
                for (int i = -1_000; i < samples; i++) {
                    long t = System.nanoTime();
                    follower.next();
                    if (i >= 0) {
                        idle[i] = System.nanoTime() - t;
                    }
                }
                long start = System.nanoTime();
                int ticks = 0;
                while (System.nanoTime() - start < 5_000_000_000L) {
                    follower.next();
                    ticks++;
                }
                double perSecond = ticks / ((System.nanoTime() - start) / 1e9);

                // A tick that finds a change: one more event of this usager in the settle window each time (90 in
                // all: past 100 changes within the window, a tick reads in pages, a burst's case).
                String request = UUID.randomUUID().toString();
                long[] changed = new long[80];
                for (int i = -10; i < changed.length; i++) {
                    db.execute("INSERT INTO gru_request_event (tenant_id, request_id, position, type, actor, channel,"
                            + " occurred_at, details, previous_hash, hash, usager_id) VALUES ('commune-bench', '"
                            + request + "', " + (i + 10) + ", 'message:POST', 'agent:bench', 'WEB', '"
                            + Instant.now() + "', '{}', repeat('0', 64), repeat('0', 64), '" + usager.value() + "')");
                    long t = System.nanoTime();
                    if (follower.next().changes().isEmpty()) {
                        throw new AssertionError("the change was not reported: " + follower.cursor());
                    }
                    if (i >= 0) {
                        changed[i] = System.nanoTime() - t;
                    }
                }
                bench.report("core.follow_up_tick_p99_ms", p99(idle), "ms");
                bench.report("core.follow_up_tick_with_change_p99_ms", p99(changed), "ms");
                bench.report("core.follow_up_ticks_per_s", perSecond, "ops/s");
            }
        }
    }

    private static double p99(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
    }
}
