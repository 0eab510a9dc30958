package org.opengru.scheduling.booking;

/** What a store did with a booking to insert or move. */
public sealed interface InsertOutcome {

    /**
     * Stored on a free desk.
     *
     * @param booking the booking
     */
    record Inserted(Booking booking) implements InsertOutcome {}

    /** Every candidate desk is taken for that time (someone was faster): nothing written. */
    record SlotTaken() implements InsertOutcome {}

    /**
     * The usager already has an active booking for this service: nothing written.
     *
     * @param existing the usager's active booking for the service
     */
    record ActiveBookingExists(BookingId existing) implements InsertOutcome {}

    /**
     * A hold beyond the usager's holds for the service ({@link NewBooking#maxHolds()}): nothing written.
     *
     * @param limit how many holds the service allows
     */
    record HoldLimitReached(int limit) implements InsertOutcome {}

    /**
     * The idempotency key was already used: the booking it made, nothing new written.
     *
     * @param booking the booking
     */
    record Replayed(Booking booking) implements InsertOutcome {}
}
