package org.opengru.scheduling.reservation;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.opengru.scheduling.internal.Check;

/**
 * When a reservation may begin or end (the keys are handed over and given back, the equipment taken and
 * returned): on these days, between these local times inclusive. The period in between may cover closed
 * time (a room rented from Saturday 10:00 to Sunday 18:00).
 */
public record OpeningRule(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    /**
     * Checks the rule.
     *
     * @param days the days of the week, at least one
     * @param from the earliest local time, inclusive
     * @param to the latest local time, inclusive, after {@code from}
     * @throws org.opengru.core.error.ValidationException naming the missing field, or {@code openingRule.to} when not after {@code from}
     */
    public OpeningRule {
        Check.required("openingRule.days", days);
        Check.that(!days.isEmpty(), "openingRule.days", days, "must name at least one day");
        days = Set.copyOf(EnumSet.copyOf(days));
        Check.required("openingRule.from", from);
        Check.required("openingRule.to", to);
        Check.that(from.isBefore(to), "openingRule.to", to, "must be after " + from);
    }

    /**
     * Whether a reservation may begin or end at this local time.
     *
     * @param local the instant in the reservable's time zone
     * @return {@code true} on one of the days, between the times inclusive
     */
    public boolean admits(ZonedDateTime local) {
        LocalTime t = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !t.isBefore(from) && !t.isAfter(to);
    }
}
