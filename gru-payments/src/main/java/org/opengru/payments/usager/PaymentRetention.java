package org.opengru.payments.usager;

import java.time.Clock;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.RequestId;
import org.opengru.core.rgpd.EndOfLife;
import org.opengru.core.rgpd.RequestEndListener;
import org.opengru.core.tenancy.TenantId;
import org.opengru.payments.PaymentStore;

/**
 * The purge of payers' personal data. A payment's e-mail address is needed while the payment is being made
 * (PayFiP sends its ticket there) and for the questions that follow; the accounting facts are the régie's and
 * stay. Two ways out:
 *
 * <ul>
 *   <li>{@link #run} (daily, from any scheduler): the payments no longer pending created more than {@code
 *       keepPersonalData} ago lose the e-mail, the object and the payer's id;
 *   <li>{@link #ended} (a gru-core {@link RequestEndListener}, given to the {@code PurgeJob}): the payments
 *       made for a request whose retention ended ({@code subject = "request:<id>"}) lose them at once.
 * </ul>
 *
 * Both are idempotent and safe on several nodes (an erased row is not a candidate any more).
 */
public final class PaymentRetention implements RequestEndListener {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int BATCH = 500;

    private final PaymentStore store;
    private final Clock clock;
    private final Period keepPersonalData;

    /**
     * A retention over these payments.
     *
     * @param store the payments
     * @param clock the one clock, read in Europe/Paris for the retention's limit
     * @param keepPersonalData how long after its creation a payment keeps the payer's e-mail and the object
     *     (one year is a sensible default: the time for a dispute with the régie)
     * @throws ValidationException naming {@code keepPersonalData} when it is not positive
     */
    public PaymentRetention(PaymentStore store, Clock clock, Period keepPersonalData) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(keepPersonalData, "keepPersonalData");
        if (keepPersonalData.isNegative() || keepPersonalData.isZero()) {
            throw new ValidationException("keepPersonalData", keepPersonalData, "must be positive");
        }
        this.keepPersonalData = keepPersonalData;
    }

    /**
     * The subject code of the payments made for a request.
     *
     * @param request the request
     * @return {@code request:<id>}
     */
    public static String subjectOf(RequestId request) {
        return "request:" + request;
    }

    /**
     * One pass for the collectivité, in batches until none is left; returns how many payments lost their
     * personal data. Idempotent, and safe on several nodes at once.
     *
     * @param tenant the collectivité
     * @return how many payments were erased by this pass
     */
    public int run(TenantId tenant) {
        var before = clock.instant().atZone(PARIS).minus(keepPersonalData).toInstant();
        int total = 0;
        int batch;
        while ((batch = store.eraseNotPendingCreatedBefore(tenant, before, BATCH)) > 0) {
            total += batch;
        }
        return total;
    }

    @Override
    public void ended(TenantId tenant, RequestId request, EndOfLife how) {
        store.eraseSubject(tenant, subjectOf(request));
    }
}
