package org.opengru.core.notification.sms;

import java.math.BigDecimal;
import java.util.Currency;
import org.opengru.core.internal.Checks;

/**
 * The provider's price per segment, to estimate what a message costs before it is sent (a text with one
 * {@code ê} costs up to 2.3 times as much as its GSM spelling: 67 characters a segment instead of 153).
 *
 * @param perSegment the price of one segment
 * @param currency its currency
 */
public record SmsPricing(BigDecimal perSegment, Currency currency) {

    /**
     * Checks that the price is not negative.
     *
     * @param perSegment the price of one segment
     * @param currency its currency
     * @throws org.opengru.core.error.ValidationException naming {@code sms.pricing.perSegment} or {@code
     *     sms.pricing.currency}
     */
    public SmsPricing {
        Checks.required("sms.pricing.perSegment", perSegment);
        Checks.check(perSegment.signum() >= 0, "sms.pricing.perSegment", perSegment, "must not be negative");
        Checks.required("sms.pricing.currency", currency);
    }

    /**
     * A price in euros, such as {@code "0.045"}.
     *
     * @param perSegment the price, as a decimal string
     * @return the pricing
     */
    public static SmsPricing euros(String perSegment) {
        try {
            return new SmsPricing(new BigDecimal(perSegment), Currency.getInstance("EUR"));
        } catch (NumberFormatException e) {
            throw new org.opengru.core.error.ValidationException(
                    "sms.pricing.perSegment", perSegment, "must be a decimal");
        }
    }

    /**
     * The estimate for one text.
     *
     * @param text the text
     * @return the estimate
     */
    public SmsCostEstimate estimate(String text) {
        SmsSegments s = SmsSegments.of(text);
        return new SmsCostEstimate(
                s.encoding(), s.units(), s.count(), perSegment.multiply(BigDecimal.valueOf(s.count())), currency);
    }

    /**
     * What one message will cost.
     *
     * @param encoding the encoding the text needs
     * @param units its units
     * @param segments how many segments
     * @param amount the cost
     * @param currency its currency
     */
    public record SmsCostEstimate(
            SmsEncoding encoding, int units, int segments, BigDecimal amount, Currency currency) {}
}
