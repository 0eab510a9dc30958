package org.opengru.scheduling.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.opengru.scheduling.hours.Interval;
import org.opengru.scheduling.hours.OpeningHours;
import org.opengru.scheduling.internal.Check;
import org.opengru.scheduling.model.Resource;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.Service;

/**
 * Computes the free slots of a service at one site. On each desk that serves the service, slots start
 * at the opening of each open span and then every {@code step}; a slot is free when the appointment lies
 * within the opening hours and the appointment with its buffers overlaps nothing busy on that desk.
 *
 * <p>Cost: for each desk, one sweep over its candidate starts in the range and its busy intervals in the
 * same range (both sorted, a pointer that only moves forward): linear in the slots examined plus the
 * bookings inside the range, never bookings times slots.
 */
public final class AvailabilityCalculator {

    private final OpeningHours hours;
    private final List<Resource> resources;
    private final Clock clock;

    /**
     * A calculator for one site.
     *
     * @param hours the site's opening hours, holidays and exceptions
     * @param resources the site's desks (guichets)
     * @param clock now, for the service's notice and horizon
     */
    public AvailabilityCalculator(OpeningHours hours, List<Resource> resources, Clock clock) {
        this.hours = Objects.requireNonNull(hours, "hours");
        this.resources = List.copyOf(resources);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The site's opening hours.
     *
     * @return the hours
     */
    public OpeningHours hours() {
        return hours;
    }

    /**
     * The desks of the site that serve the service, in declaration order.
     *
     * @param service the service (motif)
     * @return the desks, possibly none
     */
    public List<Resource> desksFor(Service service) {
        List<Resource> desks = new ArrayList<>();
        for (Resource r : resources) {
            if (r.serves(service.id()) && r.site().equals(hours.site().id())) {
                desks.add(r);
            }
        }
        return desks;
    }

    /**
     * The free slots for {@code people} (a group takes consecutive durations on one desk) starting on
     * local dates {@code from} to {@code to} inclusive, sorted by start, within the service's notice and
     * horizon. The answer for a date does not depend on the range asked: a slot late on {@code to} whose
     * appointment ends the next day (still open) is in it, and a span that opened the day before {@code
     * from} keeps its grid (from its opening, as {@link #desksOnGrid} checks a booking).
     *
     * @param service the service (motif)
     * @param from the first local date
     * @param to the last local date, inclusive
     * @param people how many people come together
     * @param busy the desks' booked and held times
     * @return the free slots (créneaux), each with its free desks
     */
    public List<Slot> freeSlots(Service service, LocalDate from, LocalDate to, int people, BusyTimes busy) {
        Check.that(
                people >= 1 && people <= service.maxPeople(),
                "people",
                people,
                "must be between 1 and " + service.maxPeople());
        Check.that(!to.isBefore(from), "to", to, "must not be before from " + from);
        Instant now = clock.instant();
        ZoneId zone = hours.site().zone();
        // Slots start on the dates asked; their spans may open the day before and close up to two days
        // after (an appointment is shorter than a day, a day may last 25 hours).
        long firstStart = from.atStartOfDay(zone).toEpochSecond();
        long pastLastStart = to.plusDays(1).atStartOfDay(zone).toEpochSecond();
        // Whole seconds, rounded the safe way: never earlier than the notice allows.
        long earliest = Math.max(
                firstStart,
                now.getEpochSecond()
                        + (now.getNano() > 0 ? 1 : 0)
                        + service.minNotice().getSeconds());
        long latest = now.getEpochSecond() + service.maxHorizon().getSeconds();
        long length = service.durationFor(people).getSeconds();
        long step = service.step().getSeconds();
        long before = service.bufferBefore().getSeconds();
        long after = service.bufferAfter().getSeconds();
        List<Resource> desks = desksFor(service);
        if (desks.size() > 0xFFFF) {
            throw new IllegalStateException("more than 65535 desks serve " + service.id());
        }
        // Every free (start, desk) pair as start << 16 | desk index: one primitive sort groups them by start.
        long[] found = new long[256];
        int count = 0;
        for (int index = 0; index < desks.size(); index++) {
            Resource desk = desks.get(index);
            List<Interval> open = hours.openIntervals(desk.id(), from.minusDays(1), to.plusDays(2));
            if (open.isEmpty()) {
                continue;
            }
            Instant rangeStart = open.get(0).start().minus(service.bufferBefore());
            Instant rangeEnd = open.get(open.size() - 1).end().plus(service.bufferAfter());
            List<Interval> taken = busy.busy(desk.id(), rangeStart, rangeEnd);
            int n = taken.size();
            long[] takenStart = new long[n];
            long[] takenEnd = new long[n];
            for (int i = 0; i < n; i++) {
                takenStart[i] = taken.get(i).start().getEpochSecond();
                Instant end = taken.get(i).end();
                takenEnd[i] = end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0);
            }
            int pointer = 0;
            for (Interval span : open) {
                long spanStart = span.start().getEpochSecond();
                long spanEnd = span.end().getEpochSecond();
                long s = spanStart;
                if (earliest > spanStart) {
                    s += (earliest - spanStart + step - 1) / step * step;
                }
                for (; s + length <= spanEnd && s <= latest && s < pastLastStart; s += step) {
                    long busyFrom = s - before;
                    long busyTo = s + length + after;
                    // Busy intervals ending before this candidate end before every later one too.
                    while (pointer < n && takenEnd[pointer] <= busyFrom) {
                        pointer++;
                    }
                    boolean free = true;
                    for (int i = pointer; i < n && takenStart[i] < busyTo; i++) {
                        if (takenEnd[i] > busyFrom) {
                            free = false;
                            break;
                        }
                    }
                    if (free) {
                        if (count == found.length) {
                            found = Arrays.copyOf(found, count * 2);
                        }
                        found[count++] = (s << 16) | index;
                    }
                }
            }
        }
        Arrays.sort(found, 0, count);
        List<Slot> slots = new ArrayList<>();
        int i = 0;
        while (i < count) {
            long start = found[i] >>> 16;
            List<ResourceId> free = new ArrayList<>(4);
            while (i < count && (found[i] >>> 16) == start) {
                free.add(desks.get((int) (found[i] & 0xFFFF)).id());
                i++;
            }
            Instant s = Instant.ofEpochSecond(start);
            slots.add(new Slot(service.id(), s, s.plusSeconds(length), free));
        }
        return slots;
    }

    /**
     * The desks whose slot grid has an appointment for {@code people} starting exactly at {@code start},
     * within their opening hours, ignoring bookings (the store checks those atomically).
     *
     * @param service the service (motif)
     * @param start the appointment's start
     * @param people how many people come together
     * @return the desks, possibly none
     */
    public List<ResourceId> desksOnGrid(Service service, Instant start, int people) {
        Instant end = start.plus(service.durationFor(people));
        ZoneId zone = hours.site().zone();
        LocalDate first = start.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = end.atZone(zone).toLocalDate();
        long step = service.step().getSeconds();
        List<ResourceId> out = new ArrayList<>();
        for (Resource desk : desksFor(service)) {
            for (Interval span : hours.openIntervals(desk.id(), first, last)) {
                if (!span.start().isAfter(start) && !span.end().isBefore(end)) {
                    if (Duration.between(span.start(), start).getSeconds() % step == 0) {
                        out.add(desk.id());
                    }
                    break;
                }
            }
        }
        return out;
    }
}
