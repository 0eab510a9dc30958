package org.opengru.scheduling.availability;

import java.time.Instant;
import java.util.List;
import org.opengru.scheduling.hours.Interval;
import org.opengru.scheduling.model.ResourceId;

/**
 * Where availability reads the time already taken on each resource (bookings and holds, buffers
 * included). Stores answer from an index sorted by start, so that a query costs the number of busy
 * intervals it returns, not the number of bookings stored.
 */
@FunctionalInterface
public interface BusyTimes {

    /**
     * The busy intervals of the resource that overlap {@code [from, to)}, sorted by start.
     *
     * @param resource the desk
     * @param from the start of the range
     * @param to the end of the range, exclusive
     * @return the intervals, buffers included
     */
    List<Interval> busy(ResourceId resource, Instant from, Instant to);

    /**
     * No desk is busy: for tests and previews.
     *
     * @return busy times that are always empty
     */
    static BusyTimes none() {
        return (resource, from, to) -> List.of();
    }
}
