package org.opengru.core.rgpd;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the retention policies of a collectivité: archives requests past their active period, purges
 * or anonymises those past their archive period. Call {@link #run(TenantId)} from any scheduler (daily
 * is plenty); it works in batches, is idempotent, and several nodes may run it (each step is a
 * conditional update: a request handled by one node is no longer a candidate for the other). A {@link
 * RequestEndListener} hears of each purged or anonymised request, after the change committed.
 */
public final class PurgeJob {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeJob.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final RetentionStore store;
    private final Clock clock;
    private final Map<ProcedureCode, RetentionPolicy> policies = new HashMap<>();
    private final int batchSize;
    private final RequestEndListener listener;

    /**
     * A job without listener.
     *
     * @param store the retention store
     * @param clock the installation's clock
     * @param policies one policy per démarche
     * @param batchSize how many requests each step handles at once
     */
    public PurgeJob(RetentionStore store, Clock clock, List<RetentionPolicy> policies, int batchSize) {
        this(store, clock, policies, batchSize, RequestEndListener.none());
    }

    /**
     * A job that tells a listener of each request it ends.
     *
     * @param listener told of each request purged or anonymised (gru-documents' {@code EndedRequestFiles}
     *     erases its files at once); its failures are logged, never thrown
     *
     * @param store the retention store
     * @param clock the installation's clock
     * @param policies one policy per démarche
     * @param batchSize how many requests each step handles at once
     */
    public PurgeJob(
            RetentionStore store,
            Clock clock,
            List<RetentionPolicy> policies,
            int batchSize,
            RequestEndListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (RetentionPolicy p : policies) {
            this.policies.put(p.procedure(), p);
        }
        this.batchSize = Math.max(1, batchSize);
    }

    /**
     * One pass over every démarche with a policy; returns what it did.
     *
     * @param tenant the collectivité
     * @return how many requests were archived, purged and anonymised
     */
    public PurgeReport run(TenantId tenant) {
        Instant now = clock.instant();
        PurgeReport total = new PurgeReport(0, 0, 0);
        for (RetentionPolicy policy : policies.values()) {
            Instant archiveBefore = policy.closedBefore(RetentionPhase.INTERMEDIATE_ARCHIVE, now, PARIS);
            Instant expireBefore = policy.closedBefore(RetentionPhase.EXPIRED, now, PARIS);
            int archived = 0;
            int purged = 0;
            int anonymised = 0;
            List<RetentionCandidate> batch;
            while (!(batch = store.expired(tenant, policy.procedure(), expireBefore, batchSize)).isEmpty()) {
                for (RetentionCandidate c : batch) {
                    if (policy.endOfLife() == EndOfLife.PURGE) {
                        store.purge(tenant, c.requestId());
                        purged++;
                    } else {
                        store.anonymise(tenant, c.requestId(), now);
                        anonymised++;
                    }
                    tell(tenant, c, policy.endOfLife());
                }
            }
            while (!(batch = store.toArchive(tenant, policy.procedure(), archiveBefore, batchSize)).isEmpty()) {
                for (RetentionCandidate c : batch) {
                    store.archive(tenant, c.requestId(), now);
                    archived++;
                }
            }
            if (archived + purged + anonymised > 0) {
                LOG.info(
                        "retention {} {}: {} archived, {} purged, {} anonymised",
                        tenant,
                        policy.procedure(),
                        archived,
                        purged,
                        anonymised);
            }
            total = total.plus(new PurgeReport(archived, purged, anonymised));
        }
        return total;
    }

    /** The request's end is committed: a failing listener must not undo it nor stop the others. */
    private void tell(TenantId tenant, RetentionCandidate c, EndOfLife how) {
        try {
            listener.ended(tenant, c.requestId(), how);
        } catch (RuntimeException e) {
            LOG.warn(
                    "retention {}: the end-of-life listener failed for request {}; its sweep will catch up",
                    tenant,
                    c.requestId(),
                    e);
        }
    }
}
