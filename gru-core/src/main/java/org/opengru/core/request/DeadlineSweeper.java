package org.opengru.core.request;

import java.time.Clock;
import java.util.Objects;
import org.opengru.core.catalogue.ImplicitDecision;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.GruException;
import org.opengru.core.principal.Principal;
import org.opengru.core.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies due implicit decisions: every received, undecided, not suspended request of a collectivité whose
 * deadline has passed becomes implicitly accepted or rejected, through the lifecycle like any other
 * action (by the {@code deadline-sweeper} system principal). Scheduler-agnostic: call {@link #sweep} from
 * any job runner, cron or loop, as often as wanted; running it twice or on two nodes at once is safe (a
 * request decided meanwhile is skipped).
 */
public final class DeadlineSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineSweeper.class);
    private static final int BATCH = 200;

    private final RequestService requests;
    private final RequestStore store;
    private final Clock clock;

    /**
     * A sweeper firing the implicit decisions (SVA/SVR) through the service, so that each is one audited
     * transition like any other.
     *
     * @param requests the request service
     * @param store the requests, to find those due
     * @param clock now
     */
    public DeadlineSweeper(RequestService requests, RequestStore store, Clock clock) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Applies every implicit decision due now in the collectivité; returns how many were applied.
     *
     * @param tenant the collectivité
     * @return how many. Idempotent: a decision already applied is not due any more; run it from any scheduler
     * on any node (a concurrent sweep's duplicate is refused by the version check)
     */
    public int sweep(TenantId tenant) {
        Principal system = Principal.system(tenant, "deadline-sweeper");
        int applied = 0;
        while (true) {
            var due = store.dueForImplicitDecision(tenant, clock.instant(), BATCH);
            int before = applied;
            for (Request r : due) {
                if (r.deadline() == null) {
                    continue;
                }
                RequestAction action = r.deadline().outcome() == ImplicitDecision.ACCEPTANCE
                        ? RequestAction.IMPLICIT_ACCEPT
                        : RequestAction.IMPLICIT_REJECT;
                try {
                    requests.perform(
                            system,
                            r.id(),
                            action,
                            ActionInput.none().via(org.opengru.core.intake.Channel.SYSTEM),
                            null);
                    applied++;
                } catch (ConcurrentUpdateException e) {
                    LOG.debug("request {} changed while sweeping; next sweep will see it", r.id());
                } catch (GruException e) {
                    LOG.warn("implicit decision on request {} refused: {}", r.id(), e.getMessage());
                }
            }
            if (due.size() < BATCH || applied == before) {
                return applied;
            }
        }
    }
}
