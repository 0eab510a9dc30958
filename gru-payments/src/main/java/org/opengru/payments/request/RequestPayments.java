package org.opengru.payments.request;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.RequestId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.request.ActionInput;
import org.opengru.core.request.PaymentDeadlineSweeper;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestAction;
import org.opengru.core.request.RequestPayment;
import org.opengru.core.request.RequestService;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.TenantId;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentOrder;
import org.opengru.payments.PaymentService;
import org.opengru.payments.PaymentStatus;
import org.opengru.payments.PaymentStore;
import org.opengru.payments.ReadBack;
import org.opengru.payments.StartedPayment;
import org.opengru.payments.usager.PaymentRetention;

/**
 * Pays the requests that wait for a payment (à payer) and records them paid, from the provider's read-back
 * only:
 *
 * <ol>
 *   <li>{@link #start}: the resident (or whoever may act on the request) pays the amount the request says
 *       is due; the payment's subject is {@code request:<id>}, its payer the request's applicant;
 *   <li>{@link #record}: after each read-back (notification, return, the job), a paid payment is recorded
 *       on its request ({@link RequestAction#RECORD_PAYMENT}, by the {@code payments} system principal): the
 *       request is received. Idempotent. A payment that comes when the request no longer waits for it
 *       (lapsed, withdrawn, paid by another attempt) is never lost: it is marked {@link
 *       PaymentStatus#REFUND_DUE} (remboursement à effectuer par le comptable public);
 *   <li>{@link #check}: for gru-core's {@link PaymentDeadlineSweeper}, which asks before lapsing a request:
 *       a payment made meanwhile is recorded, and a payment still being made holds the lapse off.
 * </ol>
 */
public final class RequestPayments {

    /** What {@link #record} did. */
    public enum Outcome {
        /** The request was recorded paid now. */
        RECORDED,
        /** The request was already recorded paid with this payment. */
        ALREADY_RECORDED,
        /** The request no longer waited for it: the payment is to be refunded by the comptable public. */
        REFUND_DUE,
        /** Nothing to record: the payment is not paid, or not for a request. */
        NOT_PAID
    }

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String SUBJECT = "request:";

    private final RequestService requests;
    private final RequestStore requestStore;
    private final PaymentService payments;
    private final PaymentStore paymentStore;
    private final Clock clock;

    /**
     * The link between these requests and these payments.
     *
     * @param requests gru-core's request service, which records the payment on the request
     * @param requestStore the requests, read without access check for a read-back
     * @param payments the payment service
     * @param paymentStore the payments, read by subject
     * @param clock the one clock: deadlines, the budget year
     */
    public RequestPayments(
            RequestService requests,
            RequestStore requestStore,
            PaymentService payments,
            PaymentStore paymentStore,
            Clock clock) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.requestStore = Objects.requireNonNull(requestStore, "requestStore");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.paymentStore = Objects.requireNonNull(paymentStore, "paymentStore");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts the payment of a request that waits for one; the resident's browser goes to {@code
     * paymentPage()}. The request is read as {@code actor} (who must be allowed to see it).
     *
     * @param actor who pays: the applicant or whoever may act on the request
     * @param id the request
     * @param payerEmail where PayFiP sends its ticket
     * @return the payment started, with the provider's page to send the browser to
     * @throws IllegalTransitionException when the request does not wait for a payment, or its deadline passed
     * @throws ValidationException when the e-mail is not an address, or the amount is outside the provider's
     *     limits
     * @throws org.opengru.core.error.NotFoundException when the request is unknown
     * @throws org.opengru.core.error.AccessDeniedException when the actor may not see the request
     * @throws org.opengru.payments.ProviderException when the provider call fails: nothing is owed, the
     *     resident may try again
     */
    public StartedPayment start(Principal actor, RequestId id, String payerEmail) {
        Request r = requests.get(actor, id);
        RequestPayment due = r.payment();
        if (r.status() != RequestStatus.AWAITING_PAYMENT || due == null) {
            throw refused(r, actor, "the request does not await a payment");
        }
        if (!clock.instant().isBefore(due.dueBy())) {
            throw refused(r, actor, "its payment deadline passed on " + due.dueBy());
        }
        PaymentOrder order = new PaymentOrder(
                        r.tenant(),
                        debtReference(r),
                        clock.instant().atZone(PARIS).getYear(),
                        due.amountCents(),
                        due.object(),
                        payerEmail,
                        subjectOf(r.id()))
                .by(r.applicant());
        return payments.start(order, actor.ref());
    }

    /**
     * The payments made for the request, oldest first: what the agent sees beside the request's state.
     *
     * @param actor who reads, allowed to see the request
     * @param id the request
     * @return every payment of the request, in any status
     * @throws org.opengru.core.error.NotFoundException when the request is unknown
     * @throws org.opengru.core.error.AccessDeniedException when the actor may not see the request
     */
    public List<Payment> paymentsOf(Principal actor, RequestId id) {
        Request r = requests.get(actor, id);
        return paymentStore.ofSubject(r.tenant(), subjectOf(r.id()));
    }

    /**
     * Records a read-back on its request: a paid payment for a request that waits for it receives the
     * request; one that comes too late is marked to be refunded. Call it with every read-back (notification,
     * return, the job): it is idempotent.
     *
     * @param back a read-back of the payment service
     * @return what was done
     * @throws ConcurrentUpdateException when the request kept moving under two attempts (other nodes): call it
     *     again, or let the next read-back do it
     */
    public Outcome record(ReadBack back) {
        return record(back, 2);
    }

    private Outcome record(ReadBack back, int attempts) {
        Payment p = back.payment();
        String subject = p.order().subject();
        if (p.status() != PaymentStatus.PAID || subject == null || !subject.startsWith(SUBJECT)) {
            return Outcome.NOT_PAID;
        }
        TenantId tenant = p.order().tenant();
        RequestId id;
        try {
            id = RequestId.parse(subject.substring(SUBJECT.length()));
        } catch (ValidationException e) {
            return Outcome.NOT_PAID;
        }
        String receipt = receipt(p);
        Optional<Request> found = requestStore.find(tenant, id);
        if (found.isPresent()) {
            Request r = found.get();
            RequestPayment due = r.payment();
            if (due != null && due.status() == RequestPayment.Status.PAID && receipt.equals(due.receipt())) {
                return Outcome.ALREADY_RECORDED;
            }
            if (r.status() == RequestStatus.AWAITING_PAYMENT) {
                try {
                    requests.perform(
                            Principal.system(tenant, "payments"),
                            id,
                            RequestAction.RECORD_PAYMENT,
                            ActionInput.payment(
                                            new RequestPayment.Receipt(
                                                    receipt, p.order().amountCents()),
                                            Channel.SYSTEM)
                                    .withReason("Paiement en ligne reçu (PayFiP, opération " + p.operationId() + ")"),
                            null);
                    return Outcome.RECORDED;
                } catch (ConcurrentUpdateException e) {
                    // Another node moved the request (this payment's notification on it, or a lapse): look again.
                    if (attempts > 1) {
                        return record(back, attempts - 1);
                    }
                    throw e;
                }
            }
        }
        try {
            payments.refundDue(
                    tenant,
                    p.id(),
                    PaymentService.SYSTEM,
                    "la demande n'attendait plus ce paiement ("
                            + found.map(r -> r.status().name()).orElse("inconnue")
                            + ") : remboursement à effectuer par le comptable public");
        } catch (IllegalTransitionException e) {
            // Recorded already by another read-back (or refunded since): nothing more to do.
            PaymentStatus now =
                    paymentStore.find(tenant, p.id()).map(Payment::status).orElse(p.status());
            if (now != PaymentStatus.REFUND_DUE && now != PaymentStatus.REFUNDED) {
                throw e;
            }
        }
        return Outcome.REFUND_DUE;
    }

    /**
     * For gru-core's {@link PaymentDeadlineSweeper}: records a payment made for the request (the link that a
     * crash or a lost notification missed) and holds off the lapse of a request whose payment is still being
     * made.
     *
     * @return the check, true when the request must not lapse (recorded paid now, or a payment pending)
     */
    public PaymentDeadlineSweeper.Check check() {
        return awaiting -> {
            boolean pending = false;
            for (Payment p : paymentStore.ofSubject(awaiting.tenant(), subjectOf(awaiting.id()))) {
                if (p.status() == PaymentStatus.PAID && record(new ReadBack(p, false)) == Outcome.RECORDED) {
                    return true;
                }
                pending |= p.status() == PaymentStatus.PENDING;
            }
            return pending;
        };
    }

    /**
     * The subject of a request's payments.
     *
     * @param id the request
     * @return {@code request:<id>}
     */
    public static String subjectOf(RequestId id) {
        return PaymentRetention.subjectOf(id);
    }

    /** The debt reference (refdet) of a request: its short reference, letters and digits only. */
    static String debtReference(Request r) {
        return r.reference().value().replaceAll("[^A-Za-z0-9]", "");
    }

    private static String receipt(Payment p) {
        return "payfip:" + p.operationId() + (p.authorisationNumber() == null ? "" : ":" + p.authorisationNumber());
    }

    private static IllegalTransitionException refused(Request r, Principal actor, String why) {
        return new IllegalTransitionException(
                "request", r.id().toString(), r.status().name(), "PAY", actor.toString(), why);
    }
}
