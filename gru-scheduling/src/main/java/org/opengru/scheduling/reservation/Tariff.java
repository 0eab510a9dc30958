package org.opengru.scheduling.reservation;

import java.time.Duration;
import org.opengru.core.error.ValidationException;

/**
 * A price in euro cents: a fixed part plus a part per started day (24 hours) of the period. A free
 * category is {@code Tariff.FREE}.
 */
public record Tariff(long fixedCents, long perDayCents) {

    /** Free of charge. */
    public static final Tariff FREE = new Tariff(0, 0);

    /** Upper bound of any part: 100,000 €, far above any municipal rental, below any overflow. */
    static final long MAX_CENTS = 10_000_000;

    /**
     * Checks both parts.
     *
     * @param fixedCents the fixed part in euro cents, 0 to 10,000,000
     * @param perDayCents the part per started day in euro cents, 0 to 10,000,000
     * @throws org.opengru.core.error.ValidationException naming {@code tariff.fixedCents} or {@code tariff.perDayCents} and the value
     */
    public Tariff {
        check("fixedCents", fixedCents);
        check("perDayCents", perDayCents);
    }

    private static void check(String field, long cents) {
        if (cents < 0 || cents > MAX_CENTS) {
            throw new ValidationException("tariff." + field, cents, "must be between 0 and " + MAX_CENTS + " cents");
        }
    }

    /**
     * The price of a period of that length: a day begun is a day due.
     *
     * @param length the period's length
     * @return the price in euro cents
     */
    public long priceCents(Duration length) {
        long days = (length.toMinutes() + 24 * 60 - 1) / (24 * 60);
        return fixedCents + days * perDayCents;
    }
}
