package org.opengru.core.catalogue;

import java.time.LocalDate;
import org.opengru.core.internal.Checks;

/**
 * A period in days, weeks or months, added with {@code java.time} calendar arithmetic: one month after 31
 * January is the last day of February.
 *
 * @param amount how many units, 1 or more
 * @param unit days, weeks or months
 */
public record DecisionPeriod(int amount, Unit unit) {

    /** The period's unit. */
    public enum Unit {
        /** Calendar days. */
        DAYS,
        /** Weeks of seven days. */
        WEEKS,
        /** Calendar months. */
        MONTHS
    }

    /** The common law period: two months (CRPA L231-1 and L231-4). */
    public static final DecisionPeriod TWO_MONTHS = new DecisionPeriod(2, Unit.MONTHS);

    /**
     * Checks that the amount is positive and the unit present.
     *
     * @param amount how many units, 1 or more
     * @param unit days, weeks or months
     * @throws org.opengru.core.error.ValidationException naming {@code period.amount} or {@code period.unit}
     */
    public DecisionPeriod {
        Checks.check(amount >= 1 && amount <= 3660, "period.amount", amount, "must be between 1 and 3660");
        Checks.required("period.unit", unit);
    }

    /**
     * A period in days.
     *
     * @param n the number of days
     * @return the period
     */
    public static DecisionPeriod days(int n) {
        return new DecisionPeriod(n, Unit.DAYS);
    }

    /**
     * A period in weeks.
     *
     * @param n the number of weeks
     * @return the period
     */
    public static DecisionPeriod weeks(int n) {
        return new DecisionPeriod(n, Unit.WEEKS);
    }

    /**
     * A period in months.
     *
     * @param n the number of months
     * @return the period
     */
    public static DecisionPeriod months(int n) {
        return new DecisionPeriod(n, Unit.MONTHS);
    }

    /**
     * The date this period after the given one.
     *
     * @param date the start (the day of receipt)
     * @return the period's last day
     */
    public LocalDate addTo(LocalDate date) {
        return switch (unit) {
            case DAYS -> date.plusDays(amount);
            case WEEKS -> date.plusWeeks(amount);
            case MONTHS -> date.plusMonths(amount);
        };
    }

    /**
     * In French, for documents: "2 mois", "15 jours", "3 semaines".
     *
     * @return the period in French
     */
    public String french() {
        return switch (unit) {
            case DAYS -> amount + (amount > 1 ? " jours" : " jour");
            case WEEKS -> amount + (amount > 1 ? " semaines" : " semaine");
            case MONTHS -> amount + " mois";
        };
    }
}
