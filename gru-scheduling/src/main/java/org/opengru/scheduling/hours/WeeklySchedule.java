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
 */
public record WeeklySchedule(
        ScheduleTarget target,
        LocalDate validFrom,
        @Nullable LocalDate validUntil,
        Map<DayOfWeek, List<TimeWindow>> days) {

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

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validUntil == null || !date.isAfter(validUntil));
    }

    public List<TimeWindow> windows(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

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

        public Builder until(LocalDate date) {
            this.validUntil = date;
            return this;
        }

        /** Adds a window {@code "08:30"-"12:00"} on each of the days. */
        public Builder open(String start, String end, DayOfWeek... on) {
            for (DayOfWeek d : on) {
                days.computeIfAbsent(d, k -> new ArrayList<>()).add(TimeWindow.of(start, end));
            }
            return this;
        }

        public Builder open(TimeWindow window, DayOfWeek day) {
            days.computeIfAbsent(day, k -> new ArrayList<>()).add(window);
            return this;
        }

        public WeeklySchedule build() {
            return new WeeklySchedule(target, validFrom, validUntil, days);
        }
    }
}
