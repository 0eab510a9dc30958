package org.opengru.payments.usager;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.rgpd.ErasureOutcome;
import org.opengru.core.rgpd.ReadableExport;
import org.opengru.core.rgpd.SubjectDataContributor;
import org.opengru.core.tenancy.TenantId;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentStatus;
import org.opengru.payments.PaymentStore;

/**
 * The payments' share of subject access (RGPD art. 15, 20) and erasure (art. 17), in the section {@code
 * payments}: every payment whose order names the usager as payer, with the e-mail address given to the
 * provider. Erasure removes the e-mail, the object, the commune's note and the link to the usager; the row stays with the
 * accounting facts only (debt reference, year, amount, state, authorisation number, dates), which the
 * régie's accounts require (art. 17.3.b RGPD) and which no longer lead to the person.
 *
 * <pre>{@code
 * all.add(new PaymentsSubjectData(paymentStore));
 * SubjectAccess access = new SubjectAccess(clock, usagers, requests, all);
 * }</pre>
 */
public final class PaymentsSubjectData implements SubjectDataContributor {

    /** The legal basis of what erasure keeps. */
    public static final String KEPT = "art. 17.3.b RGPD: the régie's accounting records keep the debt reference,"
            + " amount, state, authorisation number and dates, without the e-mail, the object or the payer";

    /** One payment as exported. */
    public record ExportedPayment(
            String id,
            String operationId,
            String debtReference,
            int budgetYear,
            long amountCents,
            String object,
            @Nullable String payerEmail,
            @Nullable String subject,
            PaymentStatus status,
            Instant createdAt,
            @Nullable Instant settledAt,
            @Nullable String authorisationNumber,
            @Nullable Instant transactionAt,
            @Nullable Long paidCents,
            @Nullable String note) {

        static ExportedPayment of(Payment p) {
            return new ExportedPayment(
                    p.id().toString(),
                    p.operationId().value(),
                    p.order().debtReference(),
                    p.order().budgetYear(),
                    p.order().amountCents(),
                    p.order().object(),
                    p.order().payerEmail(),
                    p.order().subject(),
                    p.status(),
                    p.createdAt(),
                    p.settledAt(),
                    p.authorisationNumber(),
                    p.transactionAt(),
                    p.paidCents(),
                    p.note());
        }
    }

    private final PaymentStore store;

    /**
     * A contributor over the payments (which erases the payer's personal data, keeping the accounting facts).
     *
     * @param store the payments
     */
    public PaymentsSubjectData(PaymentStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public String section() {
        return "payments";
    }

    @Override
    public Map<String, String> labels() {
        return ReadableExport.labels(getClass(), "subject-access-labels.properties");
    }

    @Override
    public Object collect(TenantId tenant, UsagerId usager) {
        List<ExportedPayment> payments =
                store.ofPayer(tenant, usager).stream().map(ExportedPayment::of).toList();
        return Map.of("payments", payments);
    }

    @Override
    public ErasureOutcome erase(TenantId tenant, UsagerId usager) {
        int erased = store.erasePayer(tenant, usager);
        return new ErasureOutcome(section(), erased, erased, erased == 0 ? null : KEPT);
    }
}
