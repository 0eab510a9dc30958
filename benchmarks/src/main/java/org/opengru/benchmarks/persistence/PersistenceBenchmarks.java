package org.opengru.benchmarks.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.opengru.benchmarks.Bench;
import org.opengru.benchmarks.CpuProbe;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ProcedureDefinitions;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.Timeline;
import org.opengru.core.timeline.TimelineCursor;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.core.timeline.TimelinePage;
import org.opengru.core.timeline.TimelineStore;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Person;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;
import org.opengru.test.core.GruCoreStoresContract;
import org.opengru.test.core.RequestFixtures;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * On an embedded PostgreSQL with durable commits (fsync, synchronous commit), same host, same run:
 *
 * <ul>
 *   <li>{@code core.submit_per_s}: 8 threads filing requests through the PostgreSQL request store, each in
 *       one statement (reference number from the database sequence, request row, its event in the log with
 *       the idempotency key, the outbox event): the store alone;
 *   <li>{@code core.submit_service_per_s}: the whole submission through {@code RequestService} (access
 *       policy, form validation, the draft then its submission with the acknowledgment): two commands;
 *   <li>{@code core.raw_insert_per_s} and {@code core.submit_ratio_to_raw_insert}: plain single-row
 *       INSERTs (autocommit) with the same 8 threads, and the ratio (target at least 0.5);
 *   <li>{@code core.floor_three_rows_ratio_to_raw_insert} and {@code core.floor_five_rows_...}: the rows of
 *       the schema before the event log, written by one prepared statement with ready-made values (what
 *       PostgreSQL alone does; see {@link #floor}); {@code core.floor_two_rows_...} and {@code
 *       core.floor_four_rows_...}: the same for the event log's rows (request and event; plus the outbox
 *       stream and event still copied today, see {@link #logFloor}); {@code
 *       core.floor_two_rows_time_ordered_...}: request and event with the store's time-ordered ids;
 *   <li>{@code core.timeline_page_p99_ms}: one page of 50 of the timeline of an usager with 10,000
 *       entries, from the first page and from random depths (target under 20 ms); {@code
 *       core.timeline_log_page_p99_ms}: the same when those entries are request events in the log.
 * </ul>
 */
public final class PersistenceBenchmarks implements Bench.Suite {

    private static final int THREADS = 8;

    /** The floor statements' values, of the sizes a submission writes. */
    private static final String FLOOR_DOCUMENT = "{\"d\":\"" + "x".repeat(600) + "\"}";

    private static final String FLOOR_DETAILS = "{\"to\":\"DRAFT\",\"version\":\"1\",\"sequence\":\"1\"}";
    private static final String FLOOR_PAYLOAD = "{\"p\":\"" + "x".repeat(940) + "\"}";

    /**
     * Each phase's warm-up and measured window; {@code -Dopengru.bench.warmupSeconds=1
     * -Dopengru.bench.measureSeconds=3} (through {@code BENCH_JAVA_OPTS}) gives a quicker, noisier look.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("opengru.bench.warmupSeconds", 3));

    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("opengru.bench.measureSeconds", 10));

    @Override
    public String name() {
        return "PersistenceBenchmarks";
    }

    @Override
    public void run(Bench bench) throws Exception {
        try (EmbeddedPostgresExtension.Server server = EmbeddedPostgresExtension.startServer(true)) {
            PostgresDatabase db = server.createDatabase(PersistenceBenchmarks.class);
            PostgresPersistence.builder(db.dataSource(), Clock.systemUTC())
                    .build()
                    .migrate();
            db.execute("CREATE TABLE bench_raw (id uuid PRIMARY KEY, tenant_id text NOT NULL, payload text NOT NULL)");
            // The floors of the row sets before the event log write into the tables of that schema (V1 and V2
            // of gru-core), which V19 dropped: the same columns and keys, kept here so the figures compare.
            db.execute(
                    "CREATE TABLE bench_v16_audit (tenant_id text NOT NULL, request_id uuid NOT NULL, position bigint"
                            + " NOT NULL CHECK (position >= 0), occurred_at timestamptz NOT NULL, actor text NOT NULL, action text"
                            + " NOT NULL, channel text NOT NULL, details json NOT NULL, previous_hash char(64) NOT NULL,"
                            + " hash char(64) NOT NULL, PRIMARY KEY (tenant_id, request_id, position))");
            db.execute(
                    "CREATE TABLE bench_v16_idempotency (tenant_id text NOT NULL, key text NOT NULL, fingerprint text"
                            + " NOT NULL, request_id uuid NOT NULL, result_version bigint NOT NULL, at timestamptz NOT NULL,"
                            + " PRIMARY KEY (tenant_id, key))");

            // The submission path is large (JSON, JDBC, the statement builder): on two shared cores the
            // JIT is still compiling it seconds later (one unmeasured round left 1.4 to 3.9 s of compiling
            // in the next 10 s window). Unmeasured rounds until it is quiet let the window measure the
            // steady state; the JIT time left in each window is reported.
            settle("submissions", () -> submissions(db));
            Phase raw = rawInserts(db);
            Phase submit = submissions(db);
            Phase raw2 = rawInserts(db);
            Phase floor3 = floor(db, false);
            Phase floor5 = floor(db, true);
            Phase floor2 = logFloor(db, false);
            Phase floor4 = logFloor(db, true);
            Phase floor2TimeOrdered = timeOrderedLogFloor(db);
            Phase raw3 = rawInserts(db);
            // The service path is larger still and runs at a tenth of the store's rate: without rounds of its
            // own before it, its window measured the interpreter and the JIT.
            AtomicLong warmUps = new AtomicLong();
            settle("service", () -> serviceSubmissions(db, "commune-bench-warm-up-" + warmUps.incrementAndGet()));
            Phase service = serviceSubmissions(db, "commune-bench-service");
            double rawMean = (raw.perSecond() + raw2.perSecond()) / 2;
            double rawFloorMean = (raw2.perSecond() + raw3.perSecond()) / 2;
            bench.report("core.submit_per_s", submit.perSecond(), "ops/s");
            bench.report("core.raw_insert_per_s", rawMean, "ops/s");
            bench.report("core.submit_ratio_to_raw_insert", submit.perSecond() / rawMean, "ratio");
            // Diagnostics (where the cost goes): WAL per operation (insert LSN advance) and client CPU per operation.
            bench.report("core.submit_wal_bytes_per_op", submit.walBytesPerOp(), "bytes");
            bench.report("core.raw_insert_wal_bytes_per_op", raw.walBytesPerOp(), "bytes");
            bench.report("core.submit_client_cpu_us_per_op", submit.clientCpuMicrosPerOp(), "us");
            bench.report("core.submit_server_cpu_us_per_op", submit.serverCpuMicrosPerOp(), "us");
            bench.report("core.raw_insert_client_cpu_us_per_op", raw.clientCpuMicrosPerOp(), "us");
            bench.report("core.raw_insert_server_cpu_us_per_op", raw.serverCpuMicrosPerOp(), "us");
            bench.report("core.submit_jit_ms_in_window", submit.jitMillis(), "ms");
            // What PostgreSQL alone does for the rows, against the same baseline: the three rows the target
            // names (request, audit entry, outbox event), then with the idempotency record and timeline entry
            // that items 4 and 8 put in the same transaction; one prepared statement, values ready-made.
            bench.report("core.floor_three_rows_ratio_to_raw_insert", floor3.perSecond() / rawFloorMean, "ratio");
            bench.report("core.floor_five_rows_ratio_to_raw_insert", floor5.perSecond() / rawFloorMean, "ratio");
            bench.report("core.floor_five_rows_server_cpu_us_per_op", floor5.serverCpuMicrosPerOp(), "us");
            // The event log's rows: request and event (the design's two rows), then with the outbox stream row
            // and outbox event that the stores still write until the relay reads the log.
            bench.report("core.floor_two_rows_ratio_to_raw_insert", floor2.perSecond() / rawFloorMean, "ratio");
            bench.report("core.floor_four_rows_ratio_to_raw_insert", floor4.perSecond() / rawFloorMean, "ratio");
            bench.report("core.floor_two_rows_wal_bytes_per_op", floor2.walBytesPerOp(), "bytes");
            bench.report("core.floor_two_rows_client_cpu_us_per_op", floor2.clientCpuMicrosPerOp(), "us");
            bench.report("core.floor_two_rows_server_cpu_us_per_op", floor2.serverCpuMicrosPerOp(), "us");
            // The same two rows with the store's time-ordered request ids (the floor above draws random ones).
            bench.report(
                    "core.floor_two_rows_time_ordered_ratio_to_raw_insert",
                    floor2TimeOrdered.perSecond() / rawFloorMean,
                    "ratio");
            bench.report(
                    "core.floor_two_rows_time_ordered_wal_bytes_per_op", floor2TimeOrdered.walBytesPerOp(), "bytes");
            bench.report(
                    "core.floor_two_rows_time_ordered_server_cpu_us_per_op",
                    floor2TimeOrdered.serverCpuMicrosPerOp(),
                    "us");
            // The whole submission as an application sees it (draft, then submission with acknowledgment).
            bench.report("core.submit_service_per_s", service.perSecond(), "ops/s");
            bench.report("core.submit_service_client_cpu_us_per_op", service.clientCpuMicrosPerOp(), "us");
            bench.report("core.submit_service_server_cpu_us_per_op", service.serverCpuMicrosPerOp(), "us");
            bench.report("core.submit_service_jit_ms_in_window", service.jitMillis(), "ms");
            bench.report("core.timeline_page_p99_ms", timelineP99(db), "ms");
            bench.report("core.timeline_log_page_p99_ms", timelineLogP99(db), "ms");
        }
    }

    /**
     * One measured phase: operations per second, WAL bytes per operation, and the CPU per operation of
     * the client JVM and of the PostgreSQL server, both over the measured window only (after warm-up).
     */
    private record Phase(
            double perSecond,
            double walBytesPerOp,
            double clientCpuMicrosPerOp,
            double serverCpuMicrosPerOp,
            long jitMillis) {}

    /** A phase to run. */
    @FunctionalInterface
    private interface PhaseRun {
        Phase run() throws Exception;
    }

    /**
     * Unmeasured rounds until the JIT compiles for less than a twentieth of a round's window (at most
     * four): the first calls of a path run interpreted, then compiled in tiers, and on two shared cores
     * the compiler threads lag behind.
     */
    private static void settle(String what, PhaseRun round) throws Exception {
        for (int i = 1; i <= 4; i++) {
            long jit = round.run().jitMillis();
            System.err.println("warm-up of " + what + ", round " + i + ": " + jit + " ms compiling in the window");
            if (jit < MEASURE.toMillis() / 20) {
                return;
            }
        }
    }

    private static long walBytes(PostgresDatabase db) throws java.sql.SQLException {
        try (Connection c = db.newDataSource().getConnection();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs =
                        s.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs {@code op} on 8 threads, each with its own connection. */
    private Phase throughput(PostgresDatabase db, ThreadOp op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicLong count = new AtomicLong();
        CpuProbe cpu = CpuProbe.of(db.dataSource());
        CountDownLatch ready = new CountDownLatch(THREADS);
        long measureFrom;
        long measureTo;
        CpuProbe.Sample cpuFrom;
        CpuProbe.Sample cpuTo;
        long walFrom;
        long walTo;
        // The JIT's compiling time inside the window: counted in the client's CPU, and a sign that the
        // phase measured code still being compiled rather than its steady state.
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long jitFrom;
        long jitTo;
        try {
            List<Future<?>> futures = new ArrayList<>();
            long start = System.nanoTime();
            measureFrom = start + WARM_UP.toNanos();
            measureTo = measureFrom + MEASURE.toNanos();
            long runTo = measureTo + 500_000_000L;
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    try (OneConnectionDataSource ds = new OneConnectionDataSource(db.newDataSource())) {
                        Runnable once = op.prepare(ds, thread);
                        ready.countDown();
                        long now;
                        // Running on past the window keeps every backend alive when the CPU is sampled.
                        while ((now = System.nanoTime()) < runTo) {
                            once.run();
                            if (now >= measureFrom && now < measureTo) {
                                count.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            sleepUntil(measureFrom);
            jitFrom = jit.getTotalCompilationTime();
            cpuFrom = cpu.sample();
            walFrom = walBytes(db);
            sleepUntil(measureTo);
            jitTo = jit.getTotalCompilationTime();
            cpuTo = cpu.sample();
            walTo = walBytes(db);
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long ops = Math.max(1, count.get());
        double[] cpuPerOp = cpuTo.microsPerOp(cpuFrom, ops);
        return new Phase(
                count.get() / (MEASURE.toNanos() / 1e9),
                (double) (walTo - walFrom) / ops,
                cpuPerOp[0],
                cpuPerOp[1],
                jitTo - jitFrom);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    @FunctionalInterface
    private interface ThreadOp {
        Runnable prepare(OneConnectionDataSource ds, int thread) throws Exception;
    }

    private Phase rawInserts(PostgresDatabase db) throws Exception {
        return throughput(db, (ds, thread) -> {
            Connection c = ds.getConnection();
            PreparedStatement ps =
                    c.prepareStatement("INSERT INTO bench_raw (id, tenant_id, payload) VALUES (?, ?, ?)");
            return () -> {
                try {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, "commune-bench");
                    ps.setString(3, "{\"n\":" + thread + "}");
                    ps.executeUpdate();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
        });
    }

    /**
     * The floor under a submission: its rows written by one prepared statement with ready-made values of
     * the sizes a submission wrote before the event log (no domain, no JSON building, no hashing), into
     * tables with that schema's columns and indexes. {@code withItems4And8} adds the idempotency record and the timeline entry.
     */
    private Phase floor(PostgresDatabase db, boolean withItems4And8) throws Exception {
        String sql = "WITH req AS (INSERT INTO gru_request (tenant_id, id, reference, procedure_code, procedure_ver,"
                + " team_id, applicant_id, status, version, created_at, updated_at, document)"
                + " VALUES (?, ?, ?, 'inscription-cantine', 1, 'enfance', ?, 'DRAFT', 1, ?, ?, ?::json)"
                + " RETURNING tenant_id, id, applicant_id, created_at),"
                + " aud AS (INSERT INTO bench_v16_audit (tenant_id, request_id, position, occurred_at, actor, action, channel,"
                + " details, previous_hash, hash) SELECT tenant_id, id, 0, created_at, ?, 'CREATE', 'WEB', ?::json, ?, ?"
                + " FROM req)"
                + (withItems4And8
                        ? ", idem AS (INSERT INTO bench_v16_idempotency (tenant_id, key, fingerprint, request_id,"
                                + " result_version, at) SELECT tenant_id, ?, ?, id, 1, created_at FROM req),"
                                + " tl AS (INSERT INTO gru_timeline (tenant_id, usager_id, occurred_at, entry_id, module,"
                                + " kind, subject_id, channel, summary) SELECT tenant_id, applicant_id, created_at,"
                                + " 'core:request:' || id || ':000001', 'core', 'request.CREATE', id::text, 'WEB', ?"
                                + " FROM req)"
                        : "")
                + " INSERT INTO gru_outbox (event_id, subscriber, tenant_id, aggregate_type, aggregate_id, stream_seq,"
                + " event_type, occurred_at, payload, next_attempt_at) SELECT ?, 'logiciel-metier', tenant_id,"
                + " 'request', id::text, 1, 'request.created', created_at, ?::json, created_at FROM req";
        return statementPhase(db, sql, withItems4And8 ? 200_000_000L : 100_000_000L, UUID::randomUUID, (ps, i, id) -> {
            ps.setString(i++, "USAGER:" + id);
            ps.setString(i++, FLOOR_DETAILS);
            ps.setString(i++, "0".repeat(64));
            ps.setString(i++, "f".repeat(64));
            if (withItems4And8) {
                ps.setString(i++, "bench-" + id);
                ps.setString(i++, "CREATE:" + id);
                ps.setString(i++, "inscription-cantine F: DRAFT");
            }
            ps.setObject(i++, UUID.randomUUID());
            ps.setString(i, FLOOR_PAYLOAD);
        });
    }

    /**
     * The floor under a submission on the event log: the request row and its event (with an idempotency
     * key) by one prepared statement, values ready-made; {@code withOutbox} adds the outbox stream row and
     * outbox event the stores still copy.
     */
    private Phase logFloor(PostgresDatabase db, boolean withOutbox) throws Exception {
        return logFloor(db, withOutbox, withOutbox ? 400_000_000L : 300_000_000L, UUID::randomUUID);
    }

    /**
     * The two-row floor with the request ids the store gives (UUIDv7 from {@link IdGenerator}, as {@code
     * RequestFixtures} and {@code RequestService} make them): each insert lands on the right edge of the
     * primary keys and of the team index instead of a random leaf, so fewer pages take a full-page image
     * after a checkpoint (issue 22 item 5, docs/persistence.md "What the server pays per index").
     */
    private Phase timeOrderedLogFloor(PostgresDatabase db) throws Exception {
        IdGenerator ids = IdGenerator.create(Clock.systemUTC());
        return logFloor(db, false, 500_000_000L, ids::nextUuid);
    }

    private Phase logFloor(PostgresDatabase db, boolean withOutbox, long firstReference, Supplier<UUID> ids)
            throws Exception {
        String sql = "WITH req AS (INSERT INTO gru_request (tenant_id, id, reference, procedure_code, procedure_ver,"
                + " team_id, applicant_id, status, version, created_at, updated_at, document, audit_length, audit_head)"
                + " VALUES (?, ?, ?, 'inscription-cantine', 1, 'enfance', ?, 'DRAFT', 1, ?, ?, ?::json, 1, ?)"
                + " RETURNING tenant_id, id, applicant_id, created_at)"
                + (withOutbox
                        ? ", ev AS (INSERT INTO gru_request_event (tenant_id, request_id, position, occurred_at, actor,"
                                + " type, channel, details, payload, previous_hash, hash, usager_id, idempotency_key,"
                                + " fingerprint) SELECT tenant_id, id, 0, created_at, ?, 'CREATE', 'WEB', ?::json, '{}',"
                                + " ?, ?, applicant_id, ?, ? FROM req),"
                                + " seq AS (INSERT INTO gru_outbox_stream (tenant_id, aggregate_type, aggregate_id,"
                                + " last_seq) SELECT tenant_id, 'request', id::text, 1 FROM req)"
                                + " INSERT INTO gru_outbox (event_id, subscriber, tenant_id, aggregate_type, aggregate_id,"
                                + " stream_seq, event_type, occurred_at, payload, next_attempt_at) SELECT ?,"
                                + " 'logiciel-metier', tenant_id, 'request', id::text, 1, 'request.created', created_at,"
                                + " ?::json, created_at FROM req"
                        : " INSERT INTO gru_request_event (tenant_id, request_id, position, occurred_at, actor, type,"
                                + " channel, details, payload, previous_hash, hash, usager_id, idempotency_key,"
                                + " fingerprint) SELECT tenant_id, id, 0, created_at, ?, 'CREATE', 'WEB', ?::json, '{}',"
                                + " ?, ?, applicant_id, ?, ? FROM req");
        return statementPhase(db, sql, firstReference, ids, (ps, i, id) -> {
            ps.setString(i++, "f".repeat(64));
            ps.setString(i++, "usager:" + id);
            ps.setString(i++, FLOOR_DETAILS);
            ps.setString(i++, "0".repeat(64));
            ps.setString(i++, "f".repeat(64));
            ps.setString(i++, "bench-" + id);
            ps.setString(i++, "CREATE:" + id);
            if (withOutbox) {
                ps.setObject(i++, UUID.randomUUID());
                ps.setString(i, FLOOR_PAYLOAD);
            }
        });
    }

    /** The parameters of a floor statement after the request row's first seven. */
    @FunctionalInterface
    private interface Rest {
        void bind(PreparedStatement ps, int next, UUID id) throws java.sql.SQLException;
    }

    /**
     * One floor statement on 8 threads, values ready-made: the request row's first seven parameters
     * (tenant, id, reference, applicant, times, document), then {@code rest}.
     */
    private Phase statementPhase(PostgresDatabase db, String sql, long firstReference, Supplier<UUID> ids, Rest rest)
            throws Exception {
        AtomicLong references = new AtomicLong(firstReference);
        return throughput(db, (ds, thread) -> {
            PreparedStatement ps = ds.getConnection().prepareStatement(sql);
            return () -> {
                try {
                    UUID id = ids.get();
                    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
                    ps.setString(1, "commune-bench");
                    ps.setObject(2, id);
                    ps.setString(3, "F" + references.incrementAndGet());
                    ps.setObject(4, UUID.randomUUID());
                    ps.setObject(5, now);
                    ps.setObject(6, now);
                    ps.setString(7, FLOOR_DOCUMENT);
                    rest.bind(ps, 8, id);
                    ps.executeUpdate();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
        });
    }

    /** Submissions through the whole service: a draft then its submission, per operation. */
    private Phase serviceSubmissions(PostgresDatabase db, String collectivite) throws Exception {
        TenantId tenant = TenantId.of(collectivite);
        GruCore setup = core(PostgresPersistence.builder(db.dataSource(), Clock.systemUTC())
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build());
        setup.teams()
                .save(new Team(
                        tenant,
                        TeamId.of("voirie"),
                        "Service voirie",
                        PostalAddress.france(List.of("1 place de la Mairie"), "69100", "Villeurbanne"),
                        EmailAddress.parse("voirie@mairie.example.fr"),
                        PhoneNumber.parse("04 78 03 67 67")));
        setup.procedures().define(tenant, new ProcedureDefinitions().fromJson(GruCoreStoresContract.TERRACE));
        return throughput(db, (ds, thread) -> {
            GruCore core = core(PostgresPersistence.builder(ds, Clock.systemUTC())
                    .outboxSubscribers(Set.of("logiciel-metier"))
                    .build());
            UsagerId applicant = core.ids().newUsagerId();
            core.usagers()
                    .save(Person.declared(
                            applicant, tenant, "Martin", List.of("Claire"), Contact.none(), Instant.now()));
            UsagerPrincipal me = Principal.usager(tenant, applicant);
            return () -> {
                Request draft = core.requests()
                        .create(
                                me,
                                NewRequest.of(
                                        "autorisation-terrasse", applicant, Channel.WEB, FormData.of("surface", 12)),
                                IdempotencyKey.of("create-" + UUID.randomUUID()));
                core.requests().submit(me, draft.id(), IdempotencyKey.of("submit-" + UUID.randomUUID()));
            };
        });
    }

    private static GruCore core(PostgresPersistence pg) {
        return GruCore.builder()
                .clock(Clock.systemUTC())
                .requestStore(pg.requestStore())
                .exchangeStore(pg.exchangeStore())
                .procedureStore(pg.procedureStore())
                .usagerStore(pg.usagerStore())
                .mandateStore(pg.mandateStore())
                .teamDirectory(pg.teamDirectory())
                .referenceSequence(pg.referenceSequence())
                .build();
    }

    private Phase submissions(PostgresDatabase db) throws Exception {
        TenantId tenant = TenantId.of("commune-bench");
        return throughput(db, (ds, thread) -> {
            PostgresPersistence pg = PostgresPersistence.builder(ds, Clock.systemUTC())
                    .outboxSubscribers(Set.of("logiciel-metier"))
                    .build();
            // The reference number comes from the database sequence, as in GruCore's submission.
            RequestFixtures fixtures = new RequestFixtures(tenant, pg.referenceSequence());
            return () -> {
                pg.requestStore()
                        .apply(fixtures.draft(
                                UsagerId.of(UUID.randomUUID()),
                                Instant.now(),
                                IdempotencyKey.of("bench-" + UUID.randomUUID())));
            };
        });
    }

    /**
     * The same pages when the usager's 10,000 lines are request events in the log (three per instant, so
     * that PostgreSQL sorts ties by entry id above the index, V20), among 20,000 other usagers' events.
     */
    private double timelineLogP99(PostgresDatabase db) throws Exception {
        TenantId tenant = TenantId.of("commune-bench-log");
        UUID usager = UUID.randomUUID();
        // Events written by SQL, not through the store: the page reads them the same, chained or not.
        db.execute("INSERT INTO gru_request_event (tenant_id, request_id, position, type, actor, channel, occurred_at,"
                + " details, previous_hash, hash, usager_id) SELECT '" + tenant.value() + "', gen_random_uuid(), 0,"
                + " 'SUBMIT', 'usager:x', 'WEB', timestamptz '2020-01-01' + (g / 3) * interval '37 minutes',"
                + " json_build_object('sequence', '1', 'procedure', 'inscription-cantine@1', 'to', 'SUBMITTED'),"
                + " repeat('0', 64), repeat('f', 64), CASE WHEN g < 10000 THEN '" + usager
                + "'::uuid ELSE gen_random_uuid() END FROM generate_series(0, 29999) g");
        db.execute("ANALYZE gru_request_event");
        try (OneConnectionDataSource ds = new OneConnectionDataSource(db.newDataSource())) {
            Timeline timeline = Timeline.of(List.of(
                    PostgresPersistence.builder(ds, Clock.systemUTC()).build().timelineStore()));
            List<TimelineEntry> all = new ArrayList<>();
            TimelineCursor next = null;
            do {
                TimelinePage page = timeline.page(tenant, UsagerId.of(usager), next, 500);
                all.addAll(page.entries());
                next = page.next() == null
                        ? null
                        : TimelineCursor.parse(page.next().token());
            } while (next != null);
            if (all.size() != 10_000) {
                throw new IllegalStateException("walked " + all.size() + " of 10000 events");
            }
            return pageP99(timeline, tenant, UsagerId.of(usager), all);
        }
    }

    private double timelineP99(PostgresDatabase db) throws Exception {
        try (OneConnectionDataSource ds = new OneConnectionDataSource(db.newDataSource())) {
            return timelineP99(
                    db, PostgresPersistence.builder(ds, Clock.systemUTC()).build());
        }
    }

    private double timelineP99(PostgresDatabase db, PostgresPersistence pg) {
        TimelineStore store = pg.timelineStore();
        TenantId tenant = TenantId.of("commune-bench");
        UsagerId usager = UsagerId.of(UUID.randomUUID());
        Instant t0 = Instant.parse("2020-01-01T00:00:00Z");
        List<TimelineEntry> all = new ArrayList<>();
        pg.transactions().run(c -> {
            for (int i = 0; i < 10_000; i++) {
                TimelineEntry e = new TimelineEntry(
                        tenant,
                        usager,
                        t0.plus(Duration.ofMinutes(37L * i)),
                        "bench:" + i,
                        i % 3 == 0 ? "scheduling" : "core",
                        "request.SUBMIT",
                        "r-" + i,
                        "WEB",
                        "Entrée " + i);
                store.append(e);
                all.add(e);
            }
        });
        // Noise: other usagers in the same table.
        pg.transactions().run(c -> {
            for (int i = 0; i < 20_000; i++) {
                store.append(new TimelineEntry(
                        tenant,
                        UsagerId.of(UUID.randomUUID()),
                        t0.plusSeconds(i),
                        "n:" + i,
                        "core",
                        "request.SUBMIT",
                        null,
                        null,
                        "bruit"));
            }
        });
        db.execute("ANALYZE gru_timeline");
        return pageP99(Timeline.of(List.of(store)), tenant, usager, all);
    }

    /** The 99th percentile of a page of 50, from the first page and from random depths. */
    private static double pageP99(Timeline timeline, TenantId tenant, UsagerId usager, List<TimelineEntry> all) {
        Random random = new Random(1);
        int samples = 3_000;
        long[] nanos = new long[samples];
        for (int i = -500; i < samples; i++) {
            TimelineCursor cursor =
                    i % 4 == 0 ? null : all.get(random.nextInt(all.size())).cursor();
            long start = System.nanoTime();
            TimelinePage page = timeline.page(tenant, usager, cursor, 50);
            long elapsed = System.nanoTime() - start;
            if (page.entries().isEmpty() && cursor == null) {
                throw new IllegalStateException("empty timeline");
            }
            if (i >= 0) {
                nanos[i] = elapsed;
            }
        }
        Arrays.sort(nanos);
        return nanos[(int) Math.ceil(samples * 0.99) - 1] / 1e6;
    }
}
