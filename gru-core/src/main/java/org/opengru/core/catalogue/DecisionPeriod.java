package org.opengru.core.catalogue;

import java.time.LocalDate;
import org.opengru.core.internal.Checks;

/**
 * A period in days, weeks or months, added with {@code java.time} calendar arithmetic: one month after 31
 * January is the last day of February.
 */
public record DecisionPeriod(int amount, Unit unit) {

    /** The period's unit. */
    public enum Unit {
        DAYS,
        WEEKS,
        MONTHS
    }

    /** The common law period: two months (CRPA L231-1 and L231-4). */
    public static final DecisionPeriod TWO_MONTHS = new DecisionPeriod(2, Unit.MONTHS);

    public DecisionPeriod {
        Checks.check(amount >= 1 && amount <= 3660, "period.amount", amount, "must be between 1 and 3660");
        Checks.required("period.unit", unit);
    }

    public static DecisionPeriod days(int n) {
        return new DecisionPeriod(n, Unit.DAYS);
    }

    public static DecisionPeriod weeks(int n) {
        return new DecisionPeriod(n, Unit.WEEKS);
    }

    public static DecisionPeriod months(int n) {
        return new DecisionPeriod(n, Unit.MONTHS);
    }

    /** The date this period after the given one. */
    public LocalDate addTo(LocalDate date) {
        return switch (unit) {
            case DAYS -> date.plusDays(amount);
            case WEEKS -> date.plusWeeks(amount);
            case MONTHS -> date.plusMonths(amount);
        };
    }

    /** In French, for documents: "2 mois", "15 jours", "3 semaines". */
    public String french() {
        return switch (unit) {
            case DAYS -> amount + (amount > 1 ? " jours" : " jour");
            case WEEKS -> amount + (amount > 1 ? " semaines" : " semaine");
            case MONTHS -> amount + " mois";
        };
    }
}
