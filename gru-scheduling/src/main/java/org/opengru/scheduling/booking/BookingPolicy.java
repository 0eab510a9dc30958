package org.opengru.scheduling.booking;

import java.time.Duration;
import java.util.List;
import org.opengru.scheduling.internal.Check;

/**
 * The commune's fairness and reminder settings.
 *
 * @param holdDuration how long a hold keeps a slot while the resident fills the form
 * @param waitingListHold how long a slot freed for the next person on the waiting list is kept for them
 * @param maxNoShows refuse online bookings to an usager with this many no-shows (0: no limit)
 * @param reminderOffsets when to remind before the appointment (for example 48 h and 2 h)
 * @param alternatives how many nearest free slots to offer when a slot is gone
 */
public record BookingPolicy(
        Duration holdDuration,
        Duration waitingListHold,
        int maxNoShows,
        List<Duration> reminderOffsets,
        int alternatives) {

    /**
     * Checks the policy.
     *
     * @param holdDuration how long a hold keeps a slot while the resident fills the form
     * @param waitingListHold how long a slot freed for the next person on the waiting list is kept for them
     * @param maxNoShows refuse online bookings to an usager with this many no-shows (0: no limit)
     * @param reminderOffsets when to remind before the appointment (for example 48 h and 2 h)
     * @param alternatives how many nearest free slots to offer when a slot is gone
     * @throws org.opengru.core.error.ValidationException naming the value out of range (a hold between 30 seconds and
     *     one hour...)
     */
    public BookingPolicy {
        Check.that(
                holdDuration.compareTo(Duration.ofSeconds(30)) >= 0 && holdDuration.compareTo(Duration.ofHours(1)) <= 0,
                "holdDuration",
                holdDuration,
                "must be between 30 s and 1 h");
        Check.that(
                waitingListHold.compareTo(Duration.ofMinutes(1)) >= 0
                        && waitingListHold.compareTo(Duration.ofDays(3)) <= 0,
                "waitingListHold",
                waitingListHold,
                "must be between 1 min and 3 days");
        Check.that(maxNoShows >= 0, "maxNoShows", maxNoShows, "must not be negative");
        reminderOffsets = List.copyOf(reminderOffsets);
        for (Duration d : reminderOffsets) {
            Check.that(!d.isNegative() && !d.isZero(), "reminderOffsets", d, "must be positive");
        }
        Check.that(alternatives >= 0 && alternatives <= 50, "alternatives", alternatives, "must be between 0 and 50");
    }

    /**
     * 10-minute holds, 2-hour waiting-list offers, no no-show limit, reminders 48 h and 2 h before, 5 alternatives.
     *
     * @return the default policy
     */
    public static BookingPolicy defaults() {
        return new BookingPolicy(
                Duration.ofMinutes(10), Duration.ofHours(2), 0, List.of(Duration.ofHours(48), Duration.ofHours(2)), 5);
    }

    /**
     * A copy refusing a booking to an usager who missed more than {@code n} appointments.
     *
     * @param n the tolerated no-shows
     * @return the copy
     */
    public BookingPolicy withMaxNoShows(int n) {
        return new BookingPolicy(holdDuration, waitingListHold, n, reminderOffsets, alternatives);
    }

    /**
     * A copy with another hold duration.
     *
     * @param d between 30 seconds and one hour
     * @return the copy
     */
    public BookingPolicy withHoldDuration(Duration d) {
        return new BookingPolicy(d, waitingListHold, maxNoShows, reminderOffsets, alternatives);
    }
}
