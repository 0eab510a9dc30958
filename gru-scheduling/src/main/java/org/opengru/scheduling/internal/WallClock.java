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

    /** Appends the instants of the minutes set in {@code minutes} (bit i = minute i of the day) to {@code out}. */
    public static void toInstants(LocalDate date, ZoneId zone, BitSet minutes, List<Interval> out) {
        if (minutes.isEmpty()) {
            return;
        }
        List<Period> periods = periods(date, zone);
        LocalDateTime midnight = date.atStartOfDay();
        int from = minutes.nextSetBit(0);
        while (from >= 0) {
            int to = minutes.nextClearBit(from);
            for (Period p : periods) {
                Instant s = midnight.plusMinutes(from).toInstant(p.offset);
                Instant e = midnight.plusMinutes(to).toInstant(p.offset);
                if (s.isBefore(p.from)) {
                    s = p.from;
                }
                if (e.isAfter(p.to)) {
                    e = p.to;
                }
                if (s.isBefore(e)) {
                    add(out, s, e);
                }
            }
            from = minutes.nextSetBit(to);
        }
    }

    /** Appends, merging with the last interval when they touch (the list stays sorted and disjoint). */
    private static void add(List<Interval> out, Instant s, Instant e) {
        if (!out.isEmpty()) {
            Interval last = out.get(out.size() - 1);
            if (!s.isAfter(last.end())) {
                if (e.isAfter(last.end())) {
                    out.set(out.size() - 1, new Interval(last.start(), e));
                }
                return;
            }
        }
        out.add(new Interval(s, e));
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
