package org.opengru.scheduling.booking;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.scheduling.availability.Slot;

/** The answer to a booking, hold or reschedule request. */
public sealed interface BookingResult {

    /**
     * The slot is yours. {@code cancelToken} is the secret for the no-login cancellation link, given
     * once (null on an idempotent replay: the first answer carried it).
     *
     * @param booking the booking or hold
     * @param cancelToken the secret of the cancellation link, shown once and stored hashed
     * @param replayed whether an earlier request with the same idempotency key made it
     */
    record Booked(Booking booking, @Nullable String cancelToken, boolean replayed) implements BookingResult {}

    /**
     * Someone was faster: the slot is no longer available. Here are the nearest free ones.
     *
     * @param requested the start asked for
     * @param alternatives the nearest free slots
     */
    record SlotUnavailable(Instant requested, List<Slot> alternatives) implements BookingResult {
        /**
         * Copies the alternatives.
         *
         * @param requested the start asked for
         * @param alternatives the nearest free slots
         */
        public SlotUnavailable {
            alternatives = List.copyOf(alternatives);
        }
    }
}
