package org.opengru.core.jdbc;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.catalogue.ProcedureStore;
import org.opengru.core.exchange.ExchangeStore;
import org.opengru.core.id.ReferenceGenerator;
import org.opengru.core.id.ReferenceSequence;
import org.opengru.core.jdbc.internal.PostgresAuditTrail;
import org.opengru.core.jdbc.internal.PostgresConsentLedger;
import org.opengru.core.jdbc.internal.PostgresExchangeStore;
import org.opengru.core.jdbc.internal.PostgresMandateStore;
import org.opengru.core.jdbc.internal.PostgresOutbox;
import org.opengru.core.jdbc.internal.PostgresProcedureStore;
import org.opengru.core.jdbc.internal.PostgresReferenceSequence;
import org.opengru.core.jdbc.internal.PostgresRequestStore;
import org.opengru.core.jdbc.internal.PostgresRetentionStore;
import org.opengru.core.jdbc.internal.PostgresStatisticsSource;
import org.opengru.core.jdbc.internal.PostgresTeamDirectory;
import org.opengru.core.jdbc.internal.PostgresTimelineStore;
import org.opengru.core.jdbc.internal.PostgresUsagerStore;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.request.RequestStore;
import org.opengru.core.rgpd.ConsentLedger;
import org.opengru.core.rgpd.RetentionStore;
import org.opengru.core.stats.StatisticsSource;
import org.opengru.core.tenancy.TeamDirectory;
import org.opengru.core.timeline.TimelineStore;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.UsagerStore;

/**
 * The PostgreSQL adapters of gru-core on one {@link DataSource}, sharing one {@link JdbcTransactions}
 * so that a command's writes commit together. Every adapter is stateless apart from the data source:
 * any number of application nodes may run against the same database.
 *
 * <pre>{@code
 * PostgresPersistence pg = PostgresPersistence.builder(dataSource, clock)
 *         .outboxSubscribers(Set.of("logiciel-metier"))
 *         .build();
 * pg.migrate();                      // the runner the Spring Boot starter uses too
 * Outbox outbox = pg.outbox();
 * }</pre>
 */
public final class PostgresPersistence {

    /**
     * For modules that mark {@code gru_outbox} rows delivered with their own SQL: the {@code SET} items
     * that prune a row's payload to {@code {"payloadSha256":"<hex>"}} (the SHA-256 of its exact text,
     * as {@link org.opengru.core.outbox.OutboxMessage#prunedPayload} computes it) and drop its last error.
     */
    public static final String OUTBOX_PRUNE_PAYLOAD = "payload = ('{\"payloadSha256\":\"' ||"
            + " encode(sha256(convert_to(payload::text, 'UTF8')), 'hex') || '\"}')::json, last_error = NULL";

    /**
     * The default most new requests written by one statement ({@link Builder#submissionBatching}): 1, no
     * batching, until batching is shown to raise the throughput (docs/persistence.md, "Group commit").
     */
    public static final int DEFAULT_MAX_BATCH = 1;

    /** The default most batch statements at once ({@link Builder#submissionBatching}). */
    public static final int DEFAULT_IN_FLIGHT = 1;

    private final JdbcTransactions transactions;
    private final Clock clock;
    private final PostgresOutbox outbox;
    private final PostgresAuditTrail auditTrail;
    private final PostgresTimelineStore timeline;
    private final PostgresRequestStore requests;
    private final PostgresReferenceSequence referenceSequence;

    private PostgresPersistence(Builder b) {
        this.transactions = JdbcTransactions.of(b.dataSource);
        this.clock = b.clock;
        this.outbox = new PostgresOutbox(transactions, clock, b.subscribers, List.copyOf(b.logs));
        this.auditTrail = new PostgresAuditTrail(transactions);
        this.timeline = new PostgresTimelineStore(transactions);
        this.requests =
                new PostgresRequestStore(transactions, outbox, auditTrail, timeline, clock, b.maxBatch, b.inFlight);
        this.referenceSequence = new PostgresReferenceSequence(b.dataSource);
    }

    /**
     * Starts the adapters on that database.
     *
     * @param dataSource the pool
     * @param clock the installation's clock
     * @return the builder
     */
    public static Builder builder(DataSource dataSource, Clock clock) {
        return new Builder(dataSource, clock);
    }

    /**
     * Applies the core migrations not applied yet (safe on several nodes at once).
     *
     * @return how many scripts ran
     */
    public int migrate() {
        return Migrations.core().migrate(transactions.dataSource());
    }

    /**
     * The transaction helper every adapter here joins.
     *
     * @return the transactions
     */
    public JdbcTransactions transactions() {
        return transactions;
    }

    /**
     * The installation's clock.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The transactional outbox (tables {@code gru_outbox}, {@code gru_outbox_stream}).
     *
     * @return the outbox
     */
    public Outbox outbox() {
        return outbox;
    }

    /**
     * The hash-chained audit trail; the request store appends one entry per history entry.
     *
     * @return the audit trail
     */
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    /**
     * The request store: each {@code apply} writes the request row (optimistic locking), its history,
     * its audit entries, its timeline entries, its outbox events and its idempotency record in one
     * transaction.
     *
     * @return the request store
     */
    public RequestStore requestStore() {
        return requests;
    }

    /**
     * The core's contribution to the 360° timeline (request history), written by the request store.
     *
     * @return the timeline store
     */
    public TimelineStore timelineStore() {
        return timeline;
    }

    /**
     * Request threads: each post writes the message, an audit entry, a timeline entry and its events.
     *
     * @return the exchange store
     */
    public ExchangeStore exchangeStore() {
        return new PostgresExchangeStore(transactions, outbox, auditTrail);
    }

    /**
     * The usagers, households and their members.
     *
     * @return the usager store
     */
    public UsagerStore usagerStore() {
        return new PostgresUsagerStore(transactions);
    }

    /**
     * The mandates.
     *
     * @return the mandate store
     */
    public MandateStore mandateStore() {
        return new PostgresMandateStore(transactions);
    }

    /**
     * The teams.
     *
     * @return the team directory
     */
    public TeamDirectory teamDirectory() {
        return new PostgresTeamDirectory(transactions);
    }

    /**
     * The démarche catalogue.
     *
     * @return the procedure store
     */
    public ProcedureStore procedureStore() {
        return new PostgresProcedureStore(transactions);
    }

    /**
     * The retention side of the request tables, for the {@link org.opengru.core.rgpd.PurgeJob}.
     *
     * @return the retention store
     */
    public RetentionStore retentionStore() {
        return new PostgresRetentionStore(transactions);
    }

    /**
     * The consent ledger.
     *
     * @return the consent ledger
     */
    public ConsentLedger consentLedger() {
        return new PostgresConsentLedger(transactions);
    }

    /**
     * The non-personal facts of received requests, for open-data statistics.
     *
     * @return the statistics source
     */
    public StatisticsSource statisticsSource() {
        return new PostgresStatisticsSource(transactions);
    }

    /**
     * Reference numbers from a database sequence shared by every node.
     *
     * @return the sequence
     */
    public ReferenceSequence referenceSequence() {
        return referenceSequence;
    }

    /**
     * Short references drawn from {@link #referenceSequence()}.
     *
     * @return the generator
     */
    public ReferenceGenerator referenceGenerator() {
        return ReferenceGenerator.fromSequence(referenceSequence);
    }

    /** Configures the adapters. */
    public static final class Builder {
        private final DataSource dataSource;
        private final Clock clock;
        private Set<String> subscribers = Set.of();
        private final List<EventLogTables> logs = new ArrayList<>(List.of(EventLogTables.requests()));
        private int maxBatch = DEFAULT_MAX_BATCH;
        private int inFlight = DEFAULT_IN_FLIGHT;

        private Builder(DataSource dataSource, Clock clock) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * The outbox subscribers each event is written for (such as {@code logiciel-metier}).
         *
         * @param subscribers the subscribers' names
         * @return this builder
         */
        public Builder outboxSubscribers(Set<String> subscribers) {
            this.subscribers = Set.copyOf(subscribers);
            return this;
        }

        /**
         * Another aggregate's event log for {@link #outbox()} to deliver from, with cursors instead of outbox
         * copies (the request log is always there). Refused when its aggregate type is taken.
         *
         * @param log the tables of the aggregate's log (its events, cursors and dead letters)
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code eventLog.aggregateType} when that
         *     aggregate type already has a log
         * @since 0.18
         */
        public Builder eventLog(EventLogTables log) {
            Objects.requireNonNull(log, "log");
            if (logs.stream().anyMatch(l -> l.aggregateType().equals(log.aggregateType()))) {
                throw new org.opengru.core.error.ValidationException(
                        "eventLog.aggregateType", log.aggregateType(), "already has an event log");
            }
            logs.add(log);
            return this;
        }

        /**
         * Group commit of new requests: requests filed at the same time by several threads of this node
         * (each in autocommit, not inside a caller's transaction) are written by one statement and one commit,
         * at most {@code maxBatch} per statement, at most {@code inFlight} statements at once. A request filed
         * alone is written at once; each caller gets its own outcome (a taken idempotency key is replayed, a
         * taken reference refused...), as without batching: a batch that breaks a rule writes nothing and
         * each of its requests is then written alone. Off by default ({@value #DEFAULT_MAX_BATCH} and {@value
         * #DEFAULT_IN_FLIGHT}: measured on two shared cores, it lowered the CPU per request but not the
         * throughput); {@code submissionBatching(16, 2)} is the setting measured, {@code (1, 1)} turns it off.
         *
         * @param maxBatch the most requests per statement, at least 1 (1: no batching)
         * @param inFlight the most batch statements at once, at least 1 (so that commits' flushes overlap)
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code submissionBatching.maxBatch} or
         *     {@code submissionBatching.inFlight} when below 1
         */
        public Builder submissionBatching(int maxBatch, int inFlight) {
            if (maxBatch < 1) {
                throw new org.opengru.core.error.ValidationException(
                        "submissionBatching.maxBatch", maxBatch, "must be at least 1");
            }
            if (inFlight < 1) {
                throw new org.opengru.core.error.ValidationException(
                        "submissionBatching.inFlight", inFlight, "must be at least 1");
            }
            this.maxBatch = maxBatch;
            this.inFlight = inFlight;
            return this;
        }

        /**
         * Makes the adapters.
         *
         * @return the adapters
         */
        public PostgresPersistence build() {
            return new PostgresPersistence(this);
        }
    }
}
