package org.opengru.reports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;
import org.opengru.reports.internal.InMemoryReportStore;

/**
 * Port: where signalements are kept, whole (photos, followers and history with the report). Every read
 * is scoped to one collectivité. {@link #update} is the guard against two agents, or two nodes, changing
 * one report at once: it writes only over the version it was read at.
 */
public interface ReportStore {

    /**
     * Stores a new report (version 0); an id already stored is an {@link
     * org.opengru.core.error.AlreadyExistsException}.
     */
    void insert(Report report);

    Optional<Report> find(TenantId tenant, ReportId id);

    /**
     * Writes {@code report} over the stored one if that one is still at {@code report.version() - 1};
     * otherwise a {@link org.opengru.core.error.ConcurrentUpdateException} and nothing changes.
     */
    void update(Report report);

    /** Deletes a report and everything it holds; {@code false} when there was none. */
    boolean delete(TenantId tenant, ReportId id);

    /** The report one of whose followers has this verification token hash. */
    Optional<Report> findByTokenHash(TenantId tenant, String tokenHash);

    /** The agents' list. */
    List<Report> list(ReportQuery query);

    /**
     * The open reports (reçu, pris en charge) of a category whose location lies in the box, for the
     * duplicate proposal; the service measures the exact distance.
     */
    List<Report> openInBox(TenantId tenant, String category, double south, double west, double north, double east);

    /** Reports resolved in {@code [from, to)}, for the open data. */
    List<Report> resolvedBetween(TenantId tenant, Instant from, Instant to);

    /** Reports that a resident or an e-mail follows, for the subject-access export and erasure. */
    List<Report> followedBy(TenantId tenant, UsagerId usager);

    List<Report> followedBy(TenantId tenant, EmailAddress email);

    /** Reports with a follower whose verification link expired before {@code now}, for the purge. */
    List<Report> withExpiredTokens(TenantId tenant, Instant now, int limit);

    /** Resolved or rejected reports closed before {@code closedBefore} that still hold personal data. */
    List<Report> closedWithPersonalDataBefore(TenantId tenant, Instant closedBefore, int limit);

    /**
     * Runs {@code work} in one transaction of this store, joined by every write the work makes through it
     * and through gru-core's stores sharing its {@code JdbcTransactions} (the notifications' outbox): a
     * status change and the notices to its reporters commit together or not at all. The default runs the
     * work as it is (the in-memory store has no transaction to join).
     *
     * @param work the writes to make together
     * @param <T> what the work returns
     * @return what the work returned
     * @since 0.1.0
     */
    default <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    /** Thread-safe, in memory: for tests and a small commune's embedding. */
    static ReportStore inMemory() {
        return new InMemoryReportStore();
    }
}
