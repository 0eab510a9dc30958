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

    /**
     * Starts the hours of a site, closed on public holidays by default.
     *
     * @param site the site
     * @return a builder
     */
    public static Builder builder(Site site) {
        return new Builder(site);
    }

    /**
     * The site.
     *
     * @return the site
     */
    public Site site() {
        return site;
    }

    /**
     * The weekly schedules, of the site and of its desks.
     *
     * @return the schedules, in declaration order
     */
    public List<WeeklySchedule> schedules() {
        return schedules;
    }

    /**
     * The closures, extra openings and absences.
     *
     * @return the exceptions, in declaration order
     */
    public List<ScheduleException> exceptions() {
        return exceptions;
    }

    /**
     * Whether public holidays close the site.
     *
     * @return {@code true} by default
     */
    public boolean closedOnPublicHolidays() {
        return closedOnPublicHolidays;
    }

    /**
     * Whether the local date is a public holiday in the site's zone.
     *
     * @param date the local date
     * @return {@code true} for a jour férié of the site's zone
     */
    public boolean isPublicHoliday(LocalDate date) {
        HolidayZone zone = site.holidayZone();
        return holidaysByYear
                .computeIfAbsent(date.getYear(), y -> FrenchHolidays.dates(zone, y, y))
                .contains(date);
    }

    /**
     * The open minutes of the resource on a local date (bit i = minute i after midnight).
     *
     * @param resource the desk
     * @param date the local date
     * @return the open minutes, after holidays, closures, extra openings and absences
     */
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

    /**
     * What the weekly schedules alone say, before holidays and exceptions.
     *
     * @param resource the desk
     * @param date the local date
     * @return the open minutes of the weekly schedules
     */
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

    /**
     * The open intervals of the resource for local dates {@code from} to {@code to} inclusive, sorted and disjoint.
     *
     * @param resource the desk
     * @param from the first local date
     * @param to the last local date, inclusive
     * @return the intervals
     */
    public List<Interval> openIntervals(ResourceId resource, LocalDate from, LocalDate to) {
        List<Interval> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            WallClock.toInstants(d, site.zone(), openMinutes(resource, d), out);
        }
        return WallClock.normalise(out);
    }

    /**
     * Why {@code [start, end)} is not open on the resource, or {@link Verdict#OPEN} when it is.
     *
     * @param resource the desk
     * @param start the start
     * @param end the end, exclusive
     * @return the verdict
     */
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
        /** The whole interval is open. */
        OPEN,
        /** The interval falls on a public holiday. */
        PUBLIC_HOLIDAY,
        /** The interval is closed (outside the schedules, a closure or an absence). */
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

        /**
         * Adds a weekly schedule of the site or of one of its desks.
         *
         * @param schedule the schedule
         * @return this builder
         */
        public Builder schedule(WeeklySchedule schedule) {
            schedules.add(Objects.requireNonNull(schedule, "schedule"));
            return this;
        }

        /**
         * Adds a closure, an extra opening or an absence.
         *
         * @param exception the exception
         * @return this builder
         */
        public Builder exception(ScheduleException exception) {
            exceptions.add(Objects.requireNonNull(exception, "exception"));
            return this;
        }

        /**
         * Whether public holidays close the site (default true); extra openings still apply.
         *
         * @param value {@code false} to open on public holidays like any day
         * @return this builder
         */
        public Builder closedOnPublicHolidays(boolean value) {
            this.closedOnPublicHolidays = value;
            return this;
        }

        /**
         * Builds the hours.
         *
         * @return the immutable hours
         */
        public OpeningHours build() {
            return new OpeningHours(this);
        }
    }
}
