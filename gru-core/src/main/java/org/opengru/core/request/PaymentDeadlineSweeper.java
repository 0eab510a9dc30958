package org.opengru.core.request;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureStore;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.GruException;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.TeamId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lapses the requests whose payment was not made in time: every request {@link RequestStatus#AWAITING_PAYMENT}
 * past its payment's {@code dueBy} is withdrawn through the lifecycle ({@link RequestAction#LAPSE_PAYMENT},
 * by the {@code payment-deadline} system principal). The requests are found through the teams of the
 * démarches that ask a payment. Call {@link #sweepAll} from any scheduler with every collectivité the host
 * serves, not only those paying online: a démarche's payment may be recorded at the counter (an agent's
 * {@code RECORD_PAYMENT}) and its deadline holds all the same; a collectivité whose démarches ask no
 * payment costs one catalogue read. Twice or on two nodes at once is safe (a request paid or lapsed
 * meanwhile is skipped: the transition is refused or the version moved).
 *
 * <p>A {@link Check} (the payment module's) sees every request awaiting payment first: it records a payment
 * made meanwhile, and holds off the lapse of one whose payment is still being made.
 */
public final class PaymentDeadlineSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentDeadlineSweeper.class);
    private static final int PAGE = 200;

    private final RequestService requests;
    private final RequestStore store;
    private final ProcedureStore procedures;
    private final Clock clock;
    private final Check check;

    /** Asked about each request awaiting payment before the sweeper lapses an overdue one. */
    @FunctionalInterface
    public interface Check {
        /**
         * Whether to leave the request as it is: a payment was recorded on it now, or one is still being made.
         *
         * @param awaiting a request awaiting payment, overdue or not
         * @return {@code true} to leave it, {@code false} to let the sweeper lapse it when overdue
         */
        boolean holdsOff(Request awaiting);
    }

    /**
     * A sweeper for payments recorded by agents only (at the counter): nothing holds a lapse off.
     *
     * @param requests the request service, which lapses through the lifecycle
     * @param store the requests, read by team and status
     * @param procedures the catalogue, for the démarches that ask a payment
     * @param clock the one clock, compared with each payment's {@code dueBy}
     */
    public PaymentDeadlineSweeper(RequestService requests, RequestStore store, ProcedureStore procedures, Clock clock) {
        this(requests, store, procedures, clock, r -> false);
    }

    /**
     * A sweeper that asks {@code check} (the payment module's) before lapsing a request.
     *
     * @param requests the request service, which lapses through the lifecycle
     * @param store the requests, read by team and status
     * @param procedures the catalogue, for the démarches that ask a payment
     * @param clock the one clock, compared with each payment's {@code dueBy}
     * @param check asked about each request awaiting payment first
     */
    public PaymentDeadlineSweeper(
            RequestService requests, RequestStore store, ProcedureStore procedures, Clock clock, Check check) {
        this.check = Objects.requireNonNull(check, "check");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.store = Objects.requireNonNull(store, "store");
        this.procedures = Objects.requireNonNull(procedures, "procedures");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Lapses every request of the collectivité whose payment is overdue; returns how many. Idempotent and
     * safe on several nodes: a request paid or lapsed meanwhile is skipped.
     *
     * @param tenant the collectivité
     * @return how many requests this call lapsed
     */
    public int sweep(TenantId tenant) {
        Set<TeamId> teams = new HashSet<>();
        for (Procedure p : procedures.catalogue(tenant)) {
            if (p.asksPayment()) {
                teams.add(p.team());
            }
        }
        if (teams.isEmpty()) {
            return 0;
        }
        Principal system = Principal.system(tenant, "payment-deadline");
        int lapsed = 0;
        RequestQuery query = RequestQuery.of(Set.of(RequestStatus.AWAITING_PAYMENT), PAGE);
        while (true) {
            List<Request> page = store.byTeams(tenant, teams, query);
            for (Request r : page) {
                if (holdsOff(r)
                        || r.payment() == null
                        || clock.instant().isBefore(r.payment().dueBy())) {
                    continue;
                }
                try {
                    requests.perform(
                            system,
                            r.id(),
                            RequestAction.LAPSE_PAYMENT,
                            ActionInput.none().via(Channel.SYSTEM),
                            null);
                    lapsed++;
                } catch (ConcurrentUpdateException e) {
                    LOG.debug("request {} changed while sweeping; next sweep will see it", r.id());
                } catch (GruException e) {
                    LOG.warn("lapsing request {} refused: {}", r.id(), e.getMessage());
                }
            }
            if (page.size() < PAGE) {
                return lapsed;
            }
            RequestId last = page.get(page.size() - 1).id();
            query = query.after(last);
        }
    }

    /**
     * Lapses the overdue requests of each collectivité given ({@link #sweep}), whether it takes payments
     * online (PayFiP) or at the counter; returns how many in all. A collectivité whose sweep fails (its
     * catalogue or store unreachable) is logged and left to the next run, and the others are swept.
     *
     * @param tenants every collectivité the host serves
     * @return how many requests this call lapsed
     * @since 0.1.0
     */
    public int sweepAll(Iterable<TenantId> tenants) {
        int lapsed = 0;
        for (TenantId tenant : tenants) {
            try {
                lapsed += sweep(tenant);
            } catch (RuntimeException e) {
                LOG.warn("payment deadlines of {} not swept this time", tenant, e);
            }
        }
        return lapsed;
    }

    /** A check that fails holds the lapse off: never lapse a request that may have been paid. */
    private boolean holdsOff(Request r) {
        try {
            return check.holdsOff(r);
        } catch (RuntimeException e) {
            LOG.warn("payment check of request {} failed; not lapsed this time", r.id(), e);
            return true;
        }
    }
}
