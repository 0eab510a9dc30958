package org.opengru.scheduling.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opengru.scheduling.internal.Check;

/**
 * The usual weekly opening hours of a site or a resource, valid from a date until another (inclusive,
 * open-ended when {@code validUntil} is null): for example summer hours from 1 July to 31 August. When
 * several schedules of the same target are valid on a date, the one that starts latest wins.
 *
 * @param target the site or one desk
 * @param validFrom the first date it is in force
 * @param validUntil the last date it is in force, or {@code null}
 * @param days the open windows of each day of the week
 */
public record WeeklySchedule(
        ScheduleTarget target,
        LocalDate validFrom,
        @Nullable LocalDate validUntil,
        Map<DayOfWeek, List<TimeWindow>> days) {

    /**
     * Checks the schedule and copies its days.
     *
     * @param target the site or one desk
     * @param validFrom the first date it is in force
     * @param validUntil the last date it is in force, or {@code null}
     * @param days the open windows of each day of the week
     * @throws org.opengru.core.error.ValidationException naming the missing or inconsistent field
     */
    public WeeklySchedule {
        Check.required("schedule.target", target);
        Check.required("schedule.validFrom", validFrom);
        Check.that(
                validUntil == null || !validUntil.isBefore(validFrom),
                "schedule.validUntil",
                validUntil,
                "must not be before validFrom " + validFrom);
        Map<DayOfWeek, List<TimeWindow>> copy = new EnumMap<>(DayOfWeek.class);
        Check.required("schedule.days", days).forEach((d, w) -> copy.put(d, List.copyOf(w)));
        days = Map.copyOf(copy);
    }

    /**
     * Whether the schedule is in force on that date.
     *
     * @param date the local date
     * @return {@code true} between its first and last dates
     */
    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validUntil == null || !date.isAfter(validUntil));
    }

    /**
     * The open windows of a day of the week.
     *
     * @param day the day
     * @return the windows, possibly none
     */
    public List<TimeWindow> windows(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    /**
     * Starts a schedule in force from a date.
     *
     * @param target the site or one desk
     * @param validFrom the first date
     * @return a builder
     */
    public static Builder builder(ScheduleTarget target, LocalDate validFrom) {
        return new Builder(target, validFrom);
    }

    /** Collects the windows of each day. */
    public static final class Builder {
        private final ScheduleTarget target;
        private final LocalDate validFrom;
        private @Nullable LocalDate validUntil;
        private final Map<DayOfWeek, List<TimeWindow>> days = new EnumMap<>(DayOfWeek.class);

        private Builder(ScheduleTarget target, LocalDate validFrom) {
            this.target = target;
            this.validFrom = validFrom;
        }

        /**
         * The last date the schedule is in force (a summer schedule).
         *
         * @param date the last date, inclusive
         * @return this builder
         */
        public Builder until(LocalDate date) {
            this.validUntil = date;
            return this;
        }

        /**
         * Adds a window {@code "08:30"-"12:00"} on each of the days.
         *
         * @param start such as {@code 08:30}
         * @param end such as {@code 12:00}
         * @param on the days
         * @return this builder
         */
        public Builder open(String start, String end, DayOfWeek... on) {
            for (DayOfWeek d : on) {
                days.computeIfAbsent(d, k -> new ArrayList<>()).add(TimeWindow.of(start, end));
            }
            return this;
        }

        /**
         * Adds a window on one day.
         *
         * @param window the window
         * @param day the day
         * @return this builder
         */
        public Builder open(TimeWindow window, DayOfWeek day) {
            days.computeIfAbsent(day, k -> new ArrayList<>()).add(window);
            return this;
        }

        /**
         * Builds the schedule.
         *
         * @return the schedule
         */
        public WeeklySchedule build() {
            return new WeeklySchedule(target, validFrom, validUntil, days);
        }
    }
}
