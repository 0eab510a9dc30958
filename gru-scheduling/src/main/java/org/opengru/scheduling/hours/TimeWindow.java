package org.opengru.scheduling.hours;

import java.time.LocalTime;
import org.opengru.scheduling.internal.Check;

/**
 * A span of wall-clock time within one day, {@code [start, end)}, in whole minutes; an {@code end} of
 * 00:00 means midnight at the end of the day. Wall-clock semantics: on the night clocks go forward, the
 * skipped hour never happens; on the night they go back, the repeated hour happens twice.
 *
 * @param start the opening time
 * @param end the closing time, midnight for the end of the day
 */
public record TimeWindow(LocalTime start, LocalTime end) {

    /**
     * Checks the window.
     *
     * @param start the opening time
     * @param end the closing time, midnight for the end of the day
     * @throws org.opengru.core.error.ValidationException when an end is missing or the end is not after the start
     */
    public TimeWindow {
        Check.required("window.start", start);
        Check.required("window.end", end);
        Check.that(start.getSecond() == 0 && start.getNano() == 0, "window.start", start, "must be whole minutes");
        Check.that(end.getSecond() == 0 && end.getNano() == 0, "window.end", end, "must be whole minutes");
        Check.that(
                end.equals(LocalTime.MIDNIGHT) || end.isAfter(start),
                "window.end",
                end,
                "must be after start " + start);
    }

    /**
     * A window from text.
     *
     * @param start such as {@code 08:30}
     * @param end such as {@code 12:00}
     * @return the window
     */
    public static TimeWindow of(String start, String end) {
        return new TimeWindow(LocalTime.parse(start), LocalTime.parse(end));
    }

    /**
     * The whole day, 00:00 to 24:00.
     *
     * @return the window
     */
    public static TimeWindow wholeDay() {
        return new TimeWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    /**
     * Minutes from midnight to the start.
     *
     * @return the minutes
     */
    public int startMinute() {
        return start.getHour() * 60 + start.getMinute();
    }

    /**
     * Minutes from midnight to the end, 1440 for midnight at the end of the day.
     *
     * @return the minutes
     */
    public int endMinute() {
        return end.equals(LocalTime.MIDNIGHT) ? 1440 : end.getHour() * 60 + end.getMinute();
    }
}
