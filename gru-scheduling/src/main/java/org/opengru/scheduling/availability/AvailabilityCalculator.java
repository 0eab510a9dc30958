package org.opengru.scheduling.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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

    public AvailabilityCalculator(OpeningHours hours, List<Resource> resources, Clock clock) {
        this.hours = Objects.requireNonNull(hours, "hours");
        this.resources = List.copyOf(resources);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public OpeningHours hours() {
        return hours;
    }

    /** The desks of the site that serve the service, in declaration order. */
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
     * horizon.
     */
    public List<Slot> freeSlots(Service service, LocalDate from, LocalDate to, int people, BusyTimes busy) {
        Check.that(
                people >= 1 && people <= service.maxPeople(),
                "people",
                people,
                "must be between 1 and " + service.maxPeople());
        Check.that(!to.isBefore(from), "to", to, "must not be before from " + from);
        Instant now = clock.instant();
        Instant earliest = now.plus(service.minNotice());
        Instant latest = now.plus(service.maxHorizon());
        Duration length = service.durationFor(people);
        long stepSeconds = service.step().getSeconds();
        TreeMap<Instant, List<ResourceId>> byStart = new TreeMap<>();
        for (Resource desk : desksFor(service)) {
            List<Interval> open = hours.openIntervals(desk.id(), from, to);
            if (open.isEmpty()) {
                continue;
            }
            Instant rangeStart = open.get(0).start().minus(service.bufferBefore());
            Instant rangeEnd = open.get(open.size() - 1).end().plus(service.bufferAfter());
            List<Interval> taken = busy.busy(desk.id(), rangeStart, rangeEnd);
            int pointer = 0;
            for (Interval span : open) {
                long skip = 0;
                if (earliest.isAfter(span.start())) {
                    long behind = Duration.between(span.start(), earliest).getSeconds();
                    skip = (behind + stepSeconds - 1) / stepSeconds;
                }
                for (Instant s = span.start().plusSeconds(skip * stepSeconds); ; s = s.plusSeconds(stepSeconds)) {
                    Instant e = s.plus(length);
                    if (e.isAfter(span.end()) || s.isAfter(latest)) {
                        break;
                    }
                    Instant busyFrom = s.minus(service.bufferBefore());
                    Instant busyTo = e.plus(service.bufferAfter());
                    // Skip busy intervals that end before this candidate; they end before every later one too.
                    while (pointer < taken.size() && !taken.get(pointer).end().isAfter(busyFrom)) {
                        pointer++;
                    }
                    boolean free = true;
                    for (int i = pointer;
                            i < taken.size() && taken.get(i).start().isBefore(busyTo);
                            i++) {
                        if (taken.get(i).end().isAfter(busyFrom)) {
                            free = false;
                            break;
                        }
                    }
                    if (free) {
                        byStart.computeIfAbsent(s, k -> new ArrayList<>(4)).add(desk.id());
                    }
                }
            }
        }
        List<Slot> slots = new ArrayList<>(byStart.size());
        for (Map.Entry<Instant, List<ResourceId>> en : byStart.entrySet()) {
            slots.add(new Slot(service.id(), en.getKey(), en.getKey().plus(length), en.getValue()));
        }
        return slots;
    }

    /**
     * The desks whose slot grid has an appointment for {@code people} starting exactly at {@code start},
     * within their opening hours, ignoring bookings (the store checks those atomically).
     */
    public List<ResourceId> desksOnGrid(Service service, Instant start, int people) {
        Instant end = start.plus(service.durationFor(people));
        java.time.ZoneId zone = hours.site().zone();
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
