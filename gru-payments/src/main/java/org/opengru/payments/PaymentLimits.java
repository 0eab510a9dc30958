package org.opengru.payments;

import org.opengru.core.error.ValidationException;

/**
 * The amounts a provider accepts, in euro cents, checked before any call. The defaults are PayFiP's:
 * 1,00 € to 99 999,99 € ({@code montant} has at most 7 digits); a commune may narrow them (a card's own
 * ceiling applies too, at the bank).
 *
 * @param minCents the smallest amount, in euro cents
 * @param maxCents the largest amount, in euro cents
 */
public record PaymentLimits(long minCents, long maxCents) {

    /** PayFiP's range: 100 to 9 999 999 cents. */
    public static final PaymentLimits PAYFIP = new PaymentLimits(100, 9_999_999);

    /**
     * Checks the range.
     *
     * @param minCents the smallest amount, in euro cents
     * @param maxCents the largest amount, in euro cents
     * @throws ValidationException when the minimum is below 1 cent or above the maximum
     */
    public PaymentLimits {
        if (minCents < 1) {
            throw new ValidationException("limits.minCents", minCents, "must be at least 1");
        }
        if (maxCents < minCents) {
            throw new ValidationException("limits.maxCents", maxCents, "must be at least minCents (" + minCents + ")");
        }
    }

    /**
     * Refuses an amount outside the range, naming it.
     *
     * @param amountCents the amount in euro cents
     * @throws ValidationException when it is below the minimum or above the maximum
     */
    public void check(long amountCents) {
        if (amountCents < minCents || amountCents > maxCents) {
            throw new ValidationException(
                    "amountCents", amountCents, "must be between " + minCents + " and " + maxCents + " cents");
        }
    }
}
