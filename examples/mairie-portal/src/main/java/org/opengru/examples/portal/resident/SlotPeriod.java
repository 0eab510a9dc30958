package org.opengru.examples.portal.resident;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import org.jspecify.annotations.Nullable;

/**
 * The days the slot picker shows: one day or one week (Monday to Sunday) at a time, never before today
 * nor after the booking horizon, with the period before and after when there is one. By default it opens
 * on the period of the earliest free slot.
 *
 * @param week whether a week is shown (else a day)
 * @param first the first day shown
 * @param last the last day shown
 * @param previous the {@code du} of the period before, or null on the first one
 * @param next the {@code du} of the period after, or null past the horizon
 */
public record SlotPeriod(
        boolean week,
        LocalDate first,
        LocalDate last,
        @Nullable LocalDate previous,
        @Nullable LocalDate next) {

    static final String DAY = "jour";
    static final String WEEK = "semaine";

    /**
     * @param view {@code jour} or {@code semaine} (anything else: a week)
     * @param from the asked day, as ISO text; blank or malformed: the earliest free day
     * @param earliest the day of the earliest free slot, or null when none is free
     */
    static SlotPeriod of(
            @Nullable String view,
            @Nullable String from,
            @Nullable LocalDate earliest,
            LocalDate today,
            LocalDate horizon) {
        boolean week = !DAY.equals(view);
        LocalDate asked = parse(from);
        LocalDate day = asked != null ? asked : earliest != null ? earliest : today;
        day = day.isBefore(today) ? today : day.isAfter(horizon) ? horizon : day;
        if (!week) {
            return new SlotPeriod(
                    false,
                    day,
                    day,
                    day.isAfter(today) ? day.minusDays(1) : null,
                    day.isBefore(horizon) ? day.plusDays(1) : null);
        }
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = monday.isBefore(today) ? today : monday;
        LocalDate sunday = monday.plusDays(6);
        LocalDate last = sunday.isAfter(horizon) ? horizon : sunday;
        return new SlotPeriod(
                true,
                first,
                last,
                first.isAfter(today) ? monday.minusWeeks(1) : null,
                last.isBefore(horizon) ? monday.plusWeeks(1) : null);
    }

    public String view() {
        return week ? WEEK : DAY;
    }

    private static @Nullable LocalDate parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
