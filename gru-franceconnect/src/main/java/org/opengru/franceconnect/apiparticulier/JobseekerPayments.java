package org.opengru.franceconnect.apiparticulier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Indemnités versées par France Travail.
 *
 * @param identifier the France Travail identifier asked
 * @param payments the payments, as listed by France Travail
 */
public record JobseekerPayments(String identifier, List<Payment> payments) {

    /**
     * Copies the payments, so that the record stays immutable.
     *
     * @param identifier the France Travail identifier asked
     * @param payments the payments, as listed by France Travail
     */
    public JobseekerPayments {
        payments = List.copyOf(payments);
    }

    /**
     * One payment (euros).
     *
     * @param total montant total versé
     * @param allowances montant d'allocations
     * @param aids montant d'aides
     * @param other montant des autres paiements
     * @param paidOn the payment date
     */
    public record Payment(
            LocalDate paidOn, BigDecimal total, BigDecimal allowances, BigDecimal aids, BigDecimal other) {}
}
