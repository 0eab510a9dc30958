package org.opengru.scheduling.reservation;

import java.time.Duration;
import org.opengru.core.error.ValidationException;

/**
 * A price in euro cents: a fixed part plus a part per started day (24 hours) of the period. A free
 * category is {@code Tariff.FREE}.
 */
public record Tariff(long fixedCents, long perDayCents) {

    public static final Tariff FREE = new Tariff(0, 0);

    /** Upper bound of any part: 100,000 €, far above any municipal rental, below any overflow. */
    static final long MAX_CENTS = 10_000_000;

    public Tariff {
        check("fixedCents", fixedCents);
        check("perDayCents", perDayCents);
    }

    private static void check(String field, long cents) {
        if (cents < 0 || cents > MAX_CENTS) {
            throw new ValidationException("tariff." + field, cents, "must be between 0 and " + MAX_CENTS + " cents");
        }
    }

    /** The price of a period of that length. */
    public long priceCents(Duration length) {
        long days = (length.toMinutes() + 24 * 60 - 1) / (24 * 60);
        return fixedCents + days * perDayCents;
    }
}
