package org.opengru.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.opengru.scheduling.hours.Interval;

/**
 * Turns sets of wall-clock minutes of a local date into instants, exactly: an instant belongs to the
 * result when its local time in the zone falls in the set. Each UTC offset in force during the day maps
 * the local minutes to instants; the result is clipped to the period that offset is in force. So the
 * hour skipped in spring never appears and the hour repeated in autumn appears twice.
 */
public final class WallClock {

    private WallClock() {}

    private record Period(Instant from, Instant to, ZoneOffset offset) {}

    /**
     * Appends the instants of the minutes set in {@code minutes} (bit i = minute i of the day) to {@code
     * out}, offset by offset: unsorted, and not merged with what {@code out} held (see {@link #normalise}).
     */
    public static void toInstants(LocalDate date, ZoneId zone, BitSet minutes, List<Interval> out) {
        if (minutes.isEmpty()) {
            return;
        }
        LocalDateTime midnight = date.atStartOfDay();
        for (Period p : periods(date, zone)) {
            for (int from = minutes.nextSetBit(0); from >= 0; ) {
                int to = minutes.nextClearBit(from);
                Instant s = midnight.plusMinutes(from).toInstant(p.offset);
                Instant e = midnight.plusMinutes(to).toInstant(p.offset);
                if (s.isBefore(p.from)) {
                    s = p.from;
                }
                if (e.isAfter(p.to)) {
                    e = p.to;
                }
                if (s.isBefore(e)) {
                    out.add(new Interval(s, e));
                }
                from = minutes.nextSetBit(to);
            }
        }
    }

    /**
     * Sorts the intervals and merges those that overlap or touch. On the night clocks go back, the minutes
     * of one local day come out of order (a window's second pass through the repeated hour lies after a
     * later window's first pass), and so may those of two days around midnight in some zones.
     */
    public static List<Interval> normalise(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(null);
        List<Interval> out = new ArrayList<>(sorted.size());
        for (Interval i : sorted) {
            Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && !i.start().isAfter(last.end())) {
                if (i.end().isAfter(last.end())) {
                    out.set(out.size() - 1, new Interval(last.start(), i.end()));
                }
            } else {
                out.add(i);
            }
        }
        return out;
    }

    /** The offsets in force around the date, each with the span of time it holds, in order. */
    private static List<Period> periods(LocalDate date, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        // Every instant whose local date is `date` lies in this span (offsets are within +-18 h).
        Instant lo = date.atStartOfDay().toInstant(ZoneOffset.MAX);
        Instant hi = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.MIN);
        List<Period> periods = new ArrayList<>(2);
        Instant cursor = lo;
        while (cursor.isBefore(hi)) {
            ZoneOffset offset = rules.getOffset(cursor);
            ZoneOffsetTransition next = rules.nextTransition(cursor);
            Instant end = next == null || next.getInstant().isAfter(hi) ? hi : next.getInstant();
            periods.add(new Period(cursor, end, offset));
            cursor = end;
        }
        return periods;
    }
}
