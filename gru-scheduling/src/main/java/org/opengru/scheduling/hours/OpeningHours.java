package org.opengru.scheduling.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.opengru.scheduling.holiday.FrenchHolidays;
import org.opengru.scheduling.holiday.HolidayZone;
import org.opengru.scheduling.internal.WallClock;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.Site;

/**
 * When each resource of a site is open, on the timeline. For a local date, a resource is open during:
 * its own weekly schedule valid that day (the site's when the resource has none), minus the day when it is
 * a public holiday of the site's zone, plus extra openings, minus closures and absences. All computed in
 * the site's time zone with wall-clock semantics (see {@link TimeWindow}). Immutable and thread-safe.
 */
public final class OpeningHours {

    private final Site site;
    private final List<WeeklySchedule> schedules;
    private final List<ScheduleException> exceptions;
    private final boolean closedOnPublicHolidays;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    private OpeningHours(Builder b) {
        this.site = b.site;
        this.schedules = List.copyOf(b.schedules);
        this.exceptions = List.copyOf(b.exceptions);
        this.closedOnPublicHolidays = b.closedOnPublicHolidays;
    }

    public static Builder builder(Site site) {
        return new Builder(site);
    }

    public Site site() {
        return site;
    }

    public List<WeeklySchedule> schedules() {
        return schedules;
    }

    public List<ScheduleException> exceptions() {
        return exceptions;
    }

    public boolean closedOnPublicHolidays() {
        return closedOnPublicHolidays;
    }

    /** Whether the local date is a public holiday in the site's zone. */
    public boolean isPublicHoliday(LocalDate date) {
        HolidayZone zone = site.holidayZone();
        return holidaysByYear
                .computeIfAbsent(date.getYear(), y -> FrenchHolidays.dates(zone, y, y))
                .contains(date);
    }

    /** The open minutes of the resource on a local date (bit i = minute i after midnight). */
    public BitSet openMinutes(ResourceId resource, LocalDate date) {
        BitSet open = weeklyMinutes(resource, date);
        if (closedOnPublicHolidays && isPublicHoliday(date)) {
            open.clear();
        }
        for (ScheduleException e : exceptions) {
            if (e.kind() == ScheduleException.Kind.EXTRA_OPENING && applies(e, resource, date)) {
                TimeWindow w = e.effectiveWindow();
                open.set(w.startMinute(), w.endMinute());
            }
        }
        for (ScheduleException e : exceptions) {
            if (e.kind() != ScheduleException.Kind.EXTRA_OPENING && applies(e, resource, date)) {
                TimeWindow w = e.effectiveWindow();
                open.clear(w.startMinute(), w.endMinute());
            }
        }
        return open;
    }

    /** What the weekly schedules alone say, before holidays and exceptions. */
    public BitSet weeklyMinutes(ResourceId resource, LocalDate date) {
        BitSet open = new BitSet(1440);
        WeeklySchedule s = effectiveSchedule(resource, date);
        if (s != null) {
            for (TimeWindow w : s.windows(date.getDayOfWeek())) {
                open.set(w.startMinute(), w.endMinute());
            }
        }
        return open;
    }

    private @Nullable WeeklySchedule effectiveSchedule(ResourceId resource, LocalDate date) {
        WeeklySchedule own = null;
        WeeklySchedule siteWide = null;
        for (WeeklySchedule s : schedules) {
            if (!s.validOn(date) || !s.target().site().equals(site.id())) {
                continue;
            }
            if (resource.equals(s.target().resource())) {
                if (own == null || s.validFrom().isAfter(own.validFrom())) {
                    own = s;
                }
            } else if (s.target().resource() == null) {
                if (siteWide == null || s.validFrom().isAfter(siteWide.validFrom())) {
                    siteWide = s;
                }
            }
        }
        return own != null ? own : siteWide;
    }

    private boolean applies(ScheduleException e, ResourceId resource, LocalDate date) {
        return e.target().site().equals(site.id())
                && e.target().covers(resource)
                && e.recurrence().appliesOn(date);
    }

    /** The open intervals of the resource for local dates {@code from} to {@code to} inclusive, sorted and disjoint. */
    public List<Interval> openIntervals(ResourceId resource, LocalDate from, LocalDate to) {
        List<Interval> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            WallClock.toInstants(d, site.zone(), openMinutes(resource, d), out);
        }
        return WallClock.normalise(out);
    }

    /** Why {@code [start, end)} is not open on the resource, or {@link Verdict#OPEN} when it is. */
    public Verdict check(ResourceId resource, Instant start, Instant end) {
        LocalDate first = start.atZone(site.zone()).toLocalDate();
        LocalDate last = end.atZone(site.zone()).toLocalDate();
        for (Interval open : openIntervals(resource, first.minusDays(1), last)) {
            if (!open.start().isAfter(start) && !open.end().isBefore(end)) {
                return Verdict.OPEN;
            }
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (closedOnPublicHolidays && isPublicHoliday(d)) {
                return Verdict.PUBLIC_HOLIDAY;
            }
        }
        return Verdict.CLOSED;
    }

    /** The answer of {@link #check}. */
    public enum Verdict {
        OPEN,
        PUBLIC_HOLIDAY,
        CLOSED
    }

    /** Collects schedules and exceptions for one site. */
    public static final class Builder {
        private final Site site;
        private final List<WeeklySchedule> schedules = new ArrayList<>();
        private final List<ScheduleException> exceptions = new ArrayList<>();
        private boolean closedOnPublicHolidays = true;

        private Builder(Site site) {
            this.site = Objects.requireNonNull(site, "site");
        }

        public Builder schedule(WeeklySchedule schedule) {
            schedules.add(Objects.requireNonNull(schedule, "schedule"));
            return this;
        }

        public Builder exception(ScheduleException exception) {
            exceptions.add(Objects.requireNonNull(exception, "exception"));
            return this;
        }

        /** Whether public holidays close the site (default true); extra openings still apply. */
        public Builder closedOnPublicHolidays(boolean value) {
            this.closedOnPublicHolidays = value;
            return this;
        }

        public OpeningHours build() {
            return new OpeningHours(this);
        }
    }
}
