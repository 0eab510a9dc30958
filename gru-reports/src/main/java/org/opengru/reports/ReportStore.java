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
     *
     * @param report the new report
     */
    void insert(Report report);

    /**
     * Looks up a report.
     *
     * @param tenant the collectivité
     * @param id the report's id
     * @return the report, or empty
     */
    Optional<Report> find(TenantId tenant, ReportId id);

    /**
     * Writes {@code report} over the stored one if that one is still at {@code report.version() - 1};
     * otherwise a {@link org.opengru.core.error.ConcurrentUpdateException} and nothing changes.
     *
     * @param report the new value, one version higher
     */
    void update(Report report);

    /**
     * Deletes a report and everything it holds; {@code false} when there was none.
     *
     * @param tenant the collectivité
     * @param id the report's id
     * @return whether it existed
     */
    boolean delete(TenantId tenant, ReportId id);

    /**
     * The report one of whose followers has this verification token hash.
     *
     * @param tenant the collectivité
     * @param tokenHash the SHA-256 (hex) of the link's secret
     * @return the report, or empty
     */
    Optional<Report> findByTokenHash(TenantId tenant, String tokenHash);

    /**
     * The agents' list.
     *
     * @param query the criteria
     * @return the reports, newest first
     */
    List<Report> list(ReportQuery query);

    /**
     * The open reports (reçu, pris en charge) of a category whose location lies in the box, for the
     * duplicate proposal; the service measures the exact distance.
     *
     * @param tenant the collectivité
     * @param category the category's code
     * @param south the box's southern latitude
     * @param west the box's western longitude
     * @param north the box's northern latitude
     * @param east the box's eastern longitude
     * @return the open reports in the box
     */
    List<Report> openInBox(TenantId tenant, String category, double south, double west, double north, double east);

    /**
     * Reports resolved in {@code [from, to)}, for the open data.
     *
     * @param tenant the collectivité
     * @param from the start, included
     * @param to the end, excluded
     * @return the reports
     */
    List<Report> resolvedBetween(TenantId tenant, Instant from, Instant to);

    /**
     * Reports that a resident or an e-mail follows, for the subject-access export and erasure.
     *
     * @param tenant the collectivité
     * @param usager the resident
     * @return the reports, possibly none
     */
    List<Report> followedBy(TenantId tenant, UsagerId usager);

    /**
     * Reports that an e-mail address follows, for the subject-access export and erasure.
     *
     * @param tenant the collectivité
     * @param email the address
     * @return the reports, possibly none
     */
    List<Report> followedBy(TenantId tenant, EmailAddress email);

    /**
     * Reports with a follower whose verification link expired before {@code now}, for the purge.
     *
     * @param tenant the collectivité
     * @param now the present
     * @param limit the most reports
     * @return the reports
     */
    List<Report> withExpiredTokens(TenantId tenant, Instant now, int limit);

    /**
     * Resolved or rejected reports closed before {@code closedBefore} that still hold personal data.
     *
     * @param tenant the collectivité
     * @param closedBefore the limit of the closing date
     * @param limit the most reports
     * @return the reports
     */
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

    /**
     * Thread-safe, in memory: for tests and a small commune's embedding.
     *
     * @return an empty store
     */
    static ReportStore inMemory() {
        return new InMemoryReportStore();
    }
}
