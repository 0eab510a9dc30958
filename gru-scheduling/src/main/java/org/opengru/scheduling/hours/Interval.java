package org.opengru.scheduling.hours;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open span of time {@code [start, end)} on the timeline.
 *
 * @param start the first instant
 * @param end the end, exclusive
 */
public record Interval(Instant start, Instant end) implements Comparable<Interval> {

    /**
     * Checks the interval.
     *
     * @param start the first instant
     * @param end the end, exclusive
     * @throws NullPointerException when an end is missing
     * @throws IllegalArgumentException when the end is not after the start
     */
    public Interval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("interval end " + end + " must be after its start " + start);
        }
    }

    /**
     * The interval's length.
     *
     * @return {@code end - start}
     */
    public Duration length() {
        return Duration.between(start, end);
    }

    /**
     * Whether the two intervals share an instant (touching ends do not).
     *
     * @param other the other interval
     * @return {@code true} when they overlap
     */
    public boolean overlaps(Interval other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /**
     * Whether the other interval lies within this one.
     *
     * @param other the other interval
     * @return {@code true} when it is contained, ends included
     */
    public boolean contains(Interval other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    @Override
    public int compareTo(Interval other) {
        int c = start.compareTo(other.start);
        return c != 0 ? c : end.compareTo(other.end);
    }
}
