package org.opengru.core.jdbc;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.jdbc.internal.PostgresAuditTrail;
import org.opengru.core.jdbc.internal.PostgresOutbox;
import org.opengru.core.outbox.Outbox;

/**
 * The PostgreSQL adapters of gru-core on one {@link DataSource}, sharing one {@link JdbcTransactions}
 * so that a command's writes commit together. Every adapter is stateless apart from the data source:
 * any number of application nodes may run against the same database.
 *
 * <pre>{@code
 * PostgresPersistence pg = PostgresPersistence.builder(dataSource, clock)
 *         .outboxSubscribers(Set.of("logiciel-metier"))
 *         .build();
 * pg.migrate();                      // or let Flyway run classpath:db/migration/core
 * Outbox outbox = pg.outbox();
 * }</pre>
 */
public final class PostgresPersistence {

    private final JdbcTransactions transactions;
    private final Clock clock;
    private final Outbox outbox;
    private final AuditTrail auditTrail;

    private PostgresPersistence(Builder b) {
        this.transactions = JdbcTransactions.of(b.dataSource);
        this.clock = b.clock;
        this.outbox = new PostgresOutbox(transactions, clock, b.subscribers);
        this.auditTrail = new PostgresAuditTrail(transactions);
    }

    public static Builder builder(DataSource dataSource, Clock clock) {
        return new Builder(dataSource, clock);
    }

    /** Applies the core migrations not applied yet (safe on several nodes at once). */
    public int migrate() {
        return Migrations.core().migrate(transactions.dataSource());
    }

    /** The transaction helper every adapter here joins. */
    public JdbcTransactions transactions() {
        return transactions;
    }

    public Clock clock() {
        return clock;
    }

    public Outbox outbox() {
        return outbox;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
    }

    /** Configures the adapters. */
    public static final class Builder {
        private final DataSource dataSource;
        private final Clock clock;
        private Set<String> subscribers = Set.of();

        private Builder(DataSource dataSource, Clock clock) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** The outbox subscribers each event is written for (such as {@code logiciel-metier}). */
        public Builder outboxSubscribers(Set<String> subscribers) {
            this.subscribers = Set.copyOf(subscribers);
            return this;
        }

        public PostgresPersistence build() {
            return new PostgresPersistence(this);
        }
    }
}
