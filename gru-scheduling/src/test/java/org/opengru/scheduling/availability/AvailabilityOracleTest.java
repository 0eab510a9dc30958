package org.opengru.scheduling.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.holiday.FrenchHolidays;
import org.opengru.scheduling.holiday.HolidayZone;
import org.opengru.scheduling.hours.Interval;
import org.opengru.scheduling.hours.OpeningHours;
import org.opengru.scheduling.hours.Recurrence;
import org.opengru.scheduling.hours.ScheduleException;
import org.opengru.scheduling.hours.ScheduleTarget;
import org.opengru.scheduling.hours.TimeWindow;
import org.opengru.scheduling.hours.WeeklySchedule;
import org.opengru.scheduling.model.Resource;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.Site;
import org.opengru.scheduling.model.SiteId;

/**
 * Availability against a brute-force oracle that walks the timeline minute by minute: for each instant it
 * asks the wall clock of the site's zone whether the desk is open, and checks every candidate slot minute
 * by minute against the bookings. Random schedules, closures, extra openings, absences, holidays and
 * bookings, with a bias towards the nights clocks change (Europe/Paris last Sunday of March and October,
 * America/Miquelon second Sunday of March and first Sunday of November) with several windows a day cut
 * around the change, towards night openings that run past midnight (often out of the last day asked),
 * and towards holidays.
 *
 * <p>The oracle reads docs/scheduling.md: a slot starts on a local date of the range asked, at the opening
 * of its open span or a whole number of steps later, and its appointment lies within the opening hours,
 * whatever day it ends (a span open since before the day before the range is taken from that day's
 * midnight: the documented limit).
 */
class AvailabilityOracleTest {

    private static final TenantId TENANT = TenantId.of("commune-test");
    private static final SiteId SITE = SiteId.of("mairie");
    private static final ServiceId SERVICE = ServiceId.of("passeport");
    private static final LocalDate[] AROUND = {
        LocalDate.of(2026, 3, 28), // night of 28-29 March 2026: Paris springs forward at 02:00
        LocalDate.of(2026, 10, 24), // night of 24-25 October 2026: Paris falls back at 03:00
        LocalDate.of(2027, 3, 27),
        LocalDate.of(2027, 10, 30),
        LocalDate.of(2026, 3, 7), // Miquelon springs forward on 8 March 2026
        LocalDate.of(2026, 11, 1), // Toussaint (a Sunday)
        LocalDate.of(2026, 4, 5), // Easter Monday on the 6th
        LocalDate.of(2026, 5, 13), // Ascension on the 14th
        LocalDate.of(2026, 7, 13),
        LocalDate.of(2026, 6, 16)
    };
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId MIQUELON = ZoneId.of("America/Miquelon");
    /** The Saturdays before a change of time, each with its zone: the change happens early on the Sunday. */
    private static final List<Map.Entry<LocalDate, ZoneId>> CHANGES = List.of(
            Map.entry(LocalDate.of(2026, 3, 28), PARIS), // 02:00 -> 03:00
            Map.entry(LocalDate.of(2026, 10, 24), PARIS), // 03:00 -> 02:00
            Map.entry(LocalDate.of(2027, 3, 27), PARIS),
            Map.entry(LocalDate.of(2027, 10, 30), PARIS),
            Map.entry(LocalDate.of(2026, 3, 7), MIQUELON), // 02:00 -> 03:00
            Map.entry(LocalDate.of(2027, 3, 13), MIQUELON),
            Map.entry(LocalDate.of(2026, 10, 31), MIQUELON), // 02:00 -> 01:00, on Toussaint
            Map.entry(LocalDate.of(2027, 11, 6), MIQUELON));

    private static final ZoneId[] ZONES = {
        ZoneId.of("Europe/Paris"),
        ZoneId.of("Europe/Paris"),
        ZoneId.of("Europe/Paris"),
        ZoneId.of("America/Miquelon"),
        ZoneId.of("Indian/Reunion")
    };

    @Test
    void freeSlotsMatchTheMinuteByMinuteOracle() {
        qt().withExamples(250).forAll(longs().all()).checkAssert(seed -> {
            Scenario s = Scenario.random(new Random(seed));
            Map<Instant, Set<ResourceId>> expected = s.oracle();
            Map<Instant, Set<ResourceId>> actual = new TreeMap<>();
            AvailabilityCalculator calc =
                    new AvailabilityCalculator(s.hours, s.desks, Clock.fixed(s.now, ZoneOffset.UTC));
            for (Slot slot : calc.freeSlots(s.service, s.from, s.to, s.people, s::busy)) {
                assertThat(slot.end()).isEqualTo(slot.start().plus(s.service.durationFor(s.people)));
                actual.put(slot.start(), new TreeSet<>(slot.freeResources()));
            }
            assertThat(actual).as("seed %s", seed).isEqualTo(expected);
        });
    }

    @Test
    void theOracleCatchesACalculatorThatMisreadsBookingsOrClocks() {
        // The check above must be able to fail: run it against two broken variants on the same scenarios.
        Random seeds = new Random(42);
        int nonEmpty = 0;
        int caughtIgnoredBookings = 0;
        int caughtUtcClock = 0;
        for (int i = 0; i < 250; i++) {
            Scenario s = Scenario.random(new Random(seeds.nextLong()));
            Map<Instant, Set<ResourceId>> expected = s.oracle();
            nonEmpty += expected.isEmpty() ? 0 : 1;
            Clock clock = Clock.fixed(s.now, ZoneOffset.UTC);
            AvailabilityCalculator calc = new AvailabilityCalculator(s.hours, s.desks, clock);
            if (!starts(calc.freeSlots(s.service, s.from, s.to, s.people, BusyTimes.none()))
                    .equals(expected)) {
                caughtIgnoredBookings++;
            }
            Site utc = new Site(TENANT, SITE, "Mairie", HolidayZone.METROPOLE, ZoneOffset.UTC);
            OpeningHours.Builder b = OpeningHours.builder(utc).closedOnPublicHolidays(s.closedOnHolidays);
            s.schedules.forEach(b::schedule);
            s.exceptions.forEach(b::exception);
            AvailabilityCalculator wrongZone = new AvailabilityCalculator(b.build(), s.desks, clock);
            if (!starts(wrongZone.freeSlots(s.service, s.from, s.to, s.people, s::busy))
                    .equals(expected)) {
                caughtUtcClock++;
            }
        }
        assertThat(nonEmpty).as("scenarios with free slots").isGreaterThan(150);
        assertThat(caughtIgnoredBookings)
                .as("scenarios where ignoring bookings is caught")
                .isGreaterThan(50);
        assertThat(caughtUtcClock)
                .as("scenarios where the wrong time zone is caught")
                .isGreaterThan(100);
    }

    private static Map<Instant, Set<ResourceId>> starts(List<Slot> slots) {
        Map<Instant, Set<ResourceId>> out = new TreeMap<>();
        for (Slot slot : slots) {
            out.put(slot.start(), new TreeSet<>(slot.freeResources()));
        }
        return out;
    }

    @Test
    void theSkippedHourNeverOpensAndTheRepeatedHourOpensTwice() {
        Site site = Site.of(TENANT, SITE, "Mairie", HolidayZone.METROPOLE);
        OpeningHours hours = OpeningHours.builder(site)
                .schedule(WeeklySchedule.builder(ScheduleTarget.site(SITE), LocalDate.of(2026, 1, 1))
                        .open("01:00", "04:00", DayOfWeek.SUNDAY)
                        .build())
                .build();
        ResourceId desk = ResourceId.of("guichet-1");
        Duration spring = total(hours.openIntervals(desk, LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29)));
        Duration autumn = total(hours.openIntervals(desk, LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25)));
        Duration usual = total(hours.openIntervals(desk, LocalDate.of(2026, 6, 14), LocalDate.of(2026, 6, 14)));
        assertThat(usual).isEqualTo(Duration.ofHours(3));
        assertThat(spring).isEqualTo(Duration.ofHours(2));
        assertThat(autumn).isEqualTo(Duration.ofHours(4));
    }

    private static Duration total(List<Interval> intervals) {
        return intervals.stream().map(Interval::length).reduce(Duration.ZERO, Duration::plus);
    }

    /** One random situation, and the oracle's answer for it. */
    static final class Scenario {
        ZoneId zone;
        LocalDate from;
        LocalDate to;
        Instant now;
        Service service;
        int people;
        List<Resource> desks = new ArrayList<>();
        List<WeeklySchedule> schedules = new ArrayList<>();
        List<ScheduleException> exceptions = new ArrayList<>();
        boolean closedOnHolidays;
        OpeningHours hours;
        Map<ResourceId, List<Interval>> bookings = new TreeMap<>();

        static Scenario random(Random r) {
            Scenario s = new Scenario();
            LocalDate base;
            if (r.nextBoolean()) {
                Map.Entry<LocalDate, ZoneId> change = CHANGES.get(r.nextInt(CHANGES.size()));
                base = change.getKey();
                s.zone = change.getValue();
            } else {
                base = AROUND[r.nextInt(AROUND.length)];
                s.zone = ZONES[r.nextInt(ZONES.length)];
            }
            s.from = base.plusDays(r.nextInt(2));
            s.to = s.from.plusDays(r.nextInt(3));
            Site site = new Site(TENANT, SITE, "Mairie", HolidayZone.METROPOLE, s.zone);
            int nDesks = 1 + r.nextInt(3);
            for (int i = 0; i < nDesks; i++) {
                ResourceId id = ResourceId.of("guichet-" + i);
                Set<ServiceId> services = r.nextInt(6) == 0 ? Set.of(ServiceId.of("autre")) : Set.of(SERVICE);
                s.desks.add(new Resource(TENANT, id, SITE, "Guichet " + i, services));
                s.bookings.put(id, new ArrayList<>());
            }
            // Night openings start most often on the last day asked, so their slots run out of the range.
            DayOfWeek night = r.nextBoolean() ? s.to.getDayOfWeek() : DayOfWeek.of(1 + r.nextInt(7));
            s.schedules.add(randomSchedule(r, ScheduleTarget.site(SITE), s.from.minusDays(r.nextInt(30)), night));
            if (r.nextBoolean()) {
                // A later schedule that takes over in the middle of the range.
                s.schedules.add(randomSchedule(r, ScheduleTarget.site(SITE), s.from.plusDays(r.nextInt(3)), night));
            }
            for (Resource d : s.desks) {
                if (r.nextInt(3) == 0) {
                    s.schedules.add(
                            randomSchedule(r, ScheduleTarget.resource(SITE, d.id()), s.from.minusDays(1), night));
                }
            }
            int nExceptions = r.nextInt(4);
            for (int i = 0; i < nExceptions; i++) {
                LocalDate day = s.from.plusDays(r.nextInt(3));
                Resource d = s.desks.get(r.nextInt(s.desks.size()));
                TimeWindow w = r.nextInt(4) == 0 ? null : randomWindow(r);
                Recurrence when = switch (r.nextInt(3)) {
                    case 0 -> Recurrence.on(day);
                    case 1 -> new Recurrence.Weekly(day.getDayOfWeek(), day.minusDays(14), null);
                    default -> new Recurrence.Yearly(java.time.MonthDay.from(day));
                };
                switch (r.nextInt(3)) {
                    case 0 ->
                        s.exceptions.add(ScheduleException.closure(
                                r.nextBoolean() ? ScheduleTarget.site(SITE) : ScheduleTarget.resource(SITE, d.id()),
                                when,
                                w,
                                "travaux"));
                    case 1 ->
                        s.exceptions.add(ScheduleException.extraOpening(
                                ScheduleTarget.site(SITE), when, w == null ? randomWindow(r) : w, "permanence"));
                    default ->
                        s.exceptions.add(
                                ScheduleException.absence(ScheduleTarget.resource(SITE, d.id()), when, w, "congé"));
                }
            }
            s.closedOnHolidays = r.nextInt(4) != 0;
            OpeningHours.Builder b = OpeningHours.builder(site).closedOnPublicHolidays(s.closedOnHolidays);
            s.schedules.forEach(b::schedule);
            s.exceptions.forEach(b::exception);
            s.hours = b.build();
            int duration = 1 + r.nextInt(r.nextBoolean() ? 20 : 90);
            int step = 1 + r.nextInt(r.nextBoolean() ? 15 : 60);
            s.service = Service.builder(TENANT, SERVICE, "Passeport")
                    .duration(Duration.ofMinutes(duration))
                    .step(Duration.ofMinutes(step))
                    .buffers(
                            Duration.ofMinutes(r.nextInt(3) == 0 ? r.nextInt(15) : 0),
                            Duration.ofMinutes(r.nextInt(3) == 0 ? r.nextInt(15) : 0))
                    .minNotice(Duration.ofMinutes(r.nextInt(4) == 0 ? r.nextInt(600) : 0))
                    .maxHorizon(Duration.ofMinutes(r.nextInt(4) == 0 ? 1000 + r.nextInt(4000) : 100_000))
                    .maxPeople(3)
                    .build();
            s.people = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 1;
            Instant dayStart = s.from.atStartOfDay(s.zone).toInstant();
            s.now = dayStart.plus(Duration.ofMinutes(r.nextInt(4) == 0 ? r.nextInt(1440) : -r.nextInt(3000)));
            for (Resource d : s.desks) {
                int n = r.nextInt(12);
                List<Interval> list = s.bookings.get(d.id());
                for (int i = 0; i < n; i++) {
                    Instant start = dayStart.plus(Duration.ofMinutes(r.nextInt(3 * 1440) - 60));
                    Interval candidate = new Interval(start, start.plus(Duration.ofMinutes(1 + r.nextInt(90))));
                    if (list.stream().noneMatch(candidate::overlaps)) {
                        list.add(candidate);
                    }
                }
                list.sort(null);
            }
            return s;
        }

        private static WeeklySchedule randomSchedule(
                Random r, ScheduleTarget target, LocalDate validFrom, DayOfWeek night) {
            WeeklySchedule.Builder b = WeeklySchedule.builder(target, validFrom);
            for (DayOfWeek day : DayOfWeek.values()) {
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.open(randomWindow(r), day);
                }
            }
            if (r.nextInt(3) != 0) {
                // A night opening: late on one day until midnight, on from midnight the next.
                b.open(window(1200 + r.nextInt(240), 1440), night);
                b.open(window(0, 1 + r.nextInt(300)), night.plus(1));
            }
            if (r.nextBoolean()) {
                // Sunday, the day clocks change: several windows with gaps between 00:30 and 04:30, in
                // random order, so that windows start and end in the skipped or the repeated hour.
                int cuts = 2 * (1 + r.nextInt(3));
                TreeSet<Integer> at = new TreeSet<>();
                while (at.size() < cuts) {
                    at.add(30 + r.nextInt(240));
                }
                List<Integer> bounds = new ArrayList<>(at);
                List<TimeWindow> pieces = new ArrayList<>();
                for (int i = 0; i < cuts; i += 2) {
                    pieces.add(window(bounds.get(i), bounds.get(i + 1)));
                }
                java.util.Collections.shuffle(pieces, r);
                pieces.forEach(w -> b.open(w, DayOfWeek.SUNDAY));
            }
            return b.build();
        }

        private static TimeWindow randomWindow(Random r) {
            if (r.nextInt(5) < 2) {
                // Around the change of time (02:00 or 03:00): pieces of 00:30-04:30, often several a day.
                int a = 30 + r.nextInt(240);
                int e = a + 1 + r.nextInt(r.nextBoolean() ? 45 : 270 - a + 30);
                return window(a, Math.min(e, 1440));
            }
            int a = r.nextInt(1440 - 1);
            int e = a + 1 + r.nextInt(Math.min(600, 1440 - a));
            return window(a, e);
        }

        private static TimeWindow window(int a, int e) {
            return new TimeWindow(
                    LocalTime.ofSecondOfDay(a * 60L),
                    e == 1440 ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(e * 60L));
        }

        List<Interval> busy(ResourceId desk, Instant from, Instant to) {
            List<Interval> out = new ArrayList<>();
            for (Interval i : bookings.get(desk)) {
                if (i.start().isBefore(to) && i.end().isAfter(from)) {
                    out.add(i);
                }
            }
            return out;
        }

        // ------------------------------------------------------------ the oracle

        Map<Instant, Set<ResourceId>> oracle() {
            Map<Instant, Set<ResourceId>> result = new TreeMap<>();
            // From the day before the range (a span may open then), to two days after it (an appointment
            // starting on the last day may end the next, and a group takes at most 270 minutes here).
            Instant lo = from.minusDays(1).atStartOfDay(zone).toInstant();
            Instant hi = to.plusDays(3).atStartOfDay(zone).toInstant();
            int minutes = (int) Duration.between(lo, hi).toMinutes();
            Duration length = service.durationFor(people);
            int len = (int) length.toMinutes();
            int step = (int) service.step().toMinutes();
            int bb = (int) service.bufferBefore().toMinutes();
            int ba = (int) service.bufferAfter().toMinutes();
            Instant earliest = now.plus(service.minNotice());
            Instant latest = now.plus(service.maxHorizon());
            for (Resource desk : desks) {
                if (!desk.serves(SERVICE)) {
                    continue;
                }
                boolean[] open = new boolean[minutes];
                boolean[] busy = new boolean[minutes + 2 * 24 * 60];
                for (int m = 0; m < minutes; m++) {
                    ZonedDateTime local = lo.plusSeconds(60L * m).atZone(zone);
                    open[m] = isOpen(desk.id(), local.toLocalDate(), local.getHour() * 60 + local.getMinute());
                }
                for (Interval i : bookings.get(desk.id())) {
                    for (Instant t = i.start(); t.isBefore(i.end()); t = t.plusSeconds(60)) {
                        long m = Duration.between(lo, t).toMinutes();
                        if (m >= -1440 && m < minutes + 1440) {
                            busy[(int) m + 1440] = true;
                        }
                    }
                }
                int m = 0;
                while (m < minutes) {
                    if (!open[m]) {
                        m++;
                        continue;
                    }
                    int runEnd = m;
                    while (runEnd < minutes && open[runEnd]) {
                        runEnd++;
                    }
                    for (int s = m; s + len <= runEnd; s += step) {
                        Instant start = lo.plusSeconds(60L * s);
                        LocalDate day = start.atZone(zone).toLocalDate();
                        if (start.isBefore(earliest)
                                || start.isAfter(latest)
                                || day.isBefore(from)
                                || day.isAfter(to)) {
                            continue;
                        }
                        boolean free = true;
                        for (int k = s - bb; k < s + len + ba; k++) {
                            if (busy[k + 1440]) {
                                free = false;
                                break;
                            }
                        }
                        if (free) {
                            result.computeIfAbsent(start, x -> new TreeSet<>()).add(desk.id());
                        }
                    }
                    m = runEnd;
                }
            }
            return result;
        }

        private boolean isOpen(ResourceId desk, LocalDate date, int minute) {
            WeeklySchedule own = null;
            WeeklySchedule site = null;
            for (WeeklySchedule s : schedules) {
                if (!s.validOn(date)) {
                    continue;
                }
                if (desk.equals(s.target().resource())) {
                    own = own == null || s.validFrom().isAfter(own.validFrom()) ? s : own;
                } else if (s.target().resource() == null) {
                    site = site == null || s.validFrom().isAfter(site.validFrom()) ? s : site;
                }
            }
            WeeklySchedule effective = own != null ? own : site;
            boolean open = false;
            if (effective != null) {
                for (TimeWindow w : effective.windows(date.getDayOfWeek())) {
                    open |= in(w, minute);
                }
            }
            if (closedOnHolidays && FrenchHolidays.isHoliday(HolidayZone.METROPOLE, date)) {
                open = false;
            }
            for (ScheduleException e : exceptions) {
                if (e.kind() == ScheduleException.Kind.EXTRA_OPENING
                        && e.target().covers(desk)
                        && e.recurrence().appliesOn(date)
                        && in(e.effectiveWindow(), minute)) {
                    open = true;
                }
            }
            for (ScheduleException e : exceptions) {
                if (e.kind() != ScheduleException.Kind.EXTRA_OPENING
                        && e.target().covers(desk)
                        && e.recurrence().appliesOn(date)
                        && in(e.effectiveWindow(), minute)) {
                    open = false;
                }
            }
            return open;
        }

        private static boolean in(TimeWindow w, int minute) {
            return minute >= w.startMinute() && minute < w.endMinute();
        }
    }
}
