package org.opengru.scheduling.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import org.jspecify.annotations.Nullable;
import org.opengru.scheduling.internal.Check;

/** On which dates an exception applies: once (a date range), every week, or every year. */
public sealed interface Recurrence {

    boolean appliesOn(LocalDate date);

    /** From one date to another, inclusive (a closure for works, a week of leave). */
    record OneOff(LocalDate from, LocalDate to) implements Recurrence {
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

    /** Every given weekday between two dates (until open-ended when null): an agent's part-time day. */
    record Weekly(DayOfWeek day, LocalDate from, @Nullable LocalDate until) implements Recurrence {
        public Weekly {
            Check.required("recurrence.day", day);
            Check.required("recurrence.from", from);
        }

        @Override
        public boolean appliesOn(LocalDate date) {
            return date.getDayOfWeek() == day && !date.isBefore(from) && (until == null || !date.isAfter(until));
        }
    }

    /** Every year on the same day (the commune's fête locale). */
    record Yearly(MonthDay day) implements Recurrence {
        public Yearly {
            Check.required("recurrence.day", day);
        }

        @Override
        public boolean appliesOn(LocalDate date) {
            return MonthDay.from(date).equals(day);
        }
    }

    static Recurrence on(LocalDate date) {
        return new OneOff(date, date);
    }
}
