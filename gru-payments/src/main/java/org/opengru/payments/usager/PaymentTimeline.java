package org.opengru.payments.usager;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.TimelineContributor;
import org.opengru.core.timeline.TimelineCursor;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentStore;

/**
 * The usager's payments in their 360° timeline and their space (module {@code payments}): one line when a
 * payment is started, one when its outcome is recorded — the avis de paiement once paid, such as « Avis de
 * paiement : 14,00 € payés le 05/12/2026 à 14:32 pour Centre de loisirs (autorisation A1B2C3, opération
 * op42) ». Read from the payment store on demand, so it follows refunds and erasure with no copy to erase.
 */
public final class PaymentTimeline implements TimelineContributor {

    /** The module name in {@link TimelineEntry#module()}. */
    public static final String MODULE = "payments";

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRANCE);

    private final PaymentStore store;

    /**
     * A timeline contributor over the payments.
     *
     * @param store the payments, read by payer
     */
    public PaymentTimeline(PaymentStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<TimelineEntry> newest(TenantId tenant, UsagerId usager, @Nullable TimelineCursor before, int limit) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Payment p : store.ofPayer(tenant, usager)) {
            entries.add(entry(
                    p,
                    usager,
                    "started",
                    p.createdAt(),
                    "Paiement en ligne de " + euros(p.order().amountCents()) + " demandé pour "
                            + p.order().object()));
            if (p.settledAt() != null) {
                entries.add(entry(p, usager, p.status().name(), p.settledAt(), words(p)));
            }
        }
        return TimelineEntry.page(entries, before, limit);
    }

    private static TimelineEntry entry(Payment p, UsagerId usager, String what, java.time.Instant at, String summary) {
        return new TimelineEntry(
                p.order().tenant(),
                usager,
                at,
                MODULE + ":" + p.id() + ":" + what,
                MODULE,
                "payment." + what,
                p.id().toString(),
                "WEB",
                summary);
    }

    /** The outcome in plain French; the avis de paiement when paid. */
    static String words(Payment p) {
        String amount = euros(p.paidCents() != null ? p.paidCents() : p.order().amountCents());
        String object = p.order().object();
        return switch (p.status()) {
            case PAID ->
                "Avis de paiement : " + amount + " payés"
                        + (p.transactionAt() == null
                                ? ""
                                : " le " + WHEN.format(p.transactionAt().atZone(PARIS)))
                        + " pour " + object + " (opération " + p.operationId()
                        + (p.authorisationNumber() == null ? "" : ", autorisation " + p.authorisationNumber()) + ")";
            case REFUSED -> "Paiement de " + amount + " refusé par la banque pour " + object;
            case ABANDONED -> "Paiement de " + amount + " abandonné pour " + object;
            case EXPIRED -> "Paiement de " + amount + " sans résultat, abandonné pour " + object;
            case CANCELLED -> "Paiement de " + amount + " annulé par la commune pour " + object;
            case REFUND_DUE ->
                "Paiement de " + amount + " pour " + object + " : remboursement à effectuer par le comptable public";
            case REFUNDED -> "Paiement de " + amount + " pour " + object + " remboursé par le comptable public";
            case PENDING -> "Paiement de " + amount + " en attente pour " + object;
        };
    }

    private static String euros(long cents) {
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.FRANCE);
        return f.format(cents / 100.0).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
