package org.opengru.scheduling.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import org.jspecify.annotations.Nullable;
import org.opengru.scheduling.internal.Check;

/** On which dates an exception applies: once (a date range), every week, or every year. */
public sealed interface Recurrence {

    /**
     * Whether the exception applies on that date.
     *
     * @param date the local date
     * @return {@code true} when it does
     */
    boolean appliesOn(LocalDate date);

    /**
     * From one date to another, inclusive (a closure for works, a week of leave).
     *
     * @param from the first date
     * @param to the last date, inclusive
     */
    record OneOff(LocalDate from, LocalDate to) implements Recurrence {
        /**
         * Checks the range.
         *
         * @param from the first date
         * @param to the last date, inclusive
         * @throws org.opengru.core.error.ValidationException when an end is missing, or {@code to} is before {@code
         *     from}
         */
        public OneOff {
            Check.required("recurrence.from", from);
            Check.required("recurrence.to", to);
            Check.that(!to.isBefore(from), "recurrence.to", to, "must not be before from " + from);
        }

        @Override
        public boolean appliesOn(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    /**
     * Every given weekday between two dates (until open-ended when null): an agent's part-time day.
     *
     * @param day the day
     * @param from the first date
     * @param until the last date, or {@code null}
     */
    record Weekly(DayOfWeek day, LocalDate from, @Nullable LocalDate until) implements Recurrence {
        /**
         * Checks the weekly recurrence.
         *
         * @param day the day
         * @param from the first date
         * @param until the last date, or {@code null}
         * @throws org.opengru.core.error.ValidationException naming the missing or inconsistent field
         */
        public Weekly {
            Check.required("recurrence.day", day);
            Check.required("recurrence.from", from);
        }

        @Override
        public boolean appliesOn(LocalDate date) {
            return date.getDayOfWeek() == day && !date.isBefore(from) && (until == null || !date.isAfter(until));
        }
    }

    /**
     * Every year on the same day (the commune's fête locale).
     *
     * @param day the day
     */
    record Yearly(MonthDay day) implements Recurrence {
        /**
         * Checks the yearly recurrence.
         *
         * @param day the day
         * @throws org.opengru.core.error.ValidationException when the day is missing
         */
        public Yearly {
            Check.required("recurrence.day", day);
        }

        @Override
        public boolean appliesOn(LocalDate date) {
            return MonthDay.from(date).equals(day);
        }
    }

    /**
     * Once, on one date.
     *
     * @param date the date
     * @return the recurrence
     */
    static Recurrence on(LocalDate date) {
        return new OneOff(date, date);
    }
}
