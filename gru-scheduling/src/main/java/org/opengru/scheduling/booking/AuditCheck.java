package org.opengru.scheduling.booking;

import org.jspecify.annotations.Nullable;

/**
 * A booking's audit trail checked against the booking row: every change of a booking adds one to its
 * {@link Booking#sequence()} and writes one audit entry in the same statement (its creation writes the
 * first at sequence 0), so a trail of other than {@code sequence + 1} entries lost some (a truncated or
 * deleted trail) or gained some outside the booking's statements. The PostgreSQL store's trail is also
 * hash-chained (the booking log, migration V8): its check re-computes every link, so an edited, swapped or
 * rewritten entry, or a note that no longer matches its digest, is a problem too. The in-memory store
 * checks the length only.
 *
 * @param entries the entries stored
 * @param recorded the entries the booking row accounts for ({@code sequence + 1})
 * @param problem what is wrong, or null when the counts agree
 * @param booking the booking checked
 */
public record AuditCheck(
        BookingId booking,
        long entries,
        long recorded,
        @Nullable String problem) {

    /**
     * Compares a trail's length with the booking's sequence.
     *
     * @param booking the booking
     * @param entries how many audit entries are stored for it
     * @param sequence the booking's sequence
     * @return the check, with the problem when the counts differ
     */
    public static AuditCheck of(BookingId booking, long entries, int sequence) {
        long recorded = sequence + 1L;
        String problem = null;
        if (entries == 0) {
            problem = "trail deleted: no entry where the booking records " + recorded;
        } else if (entries < recorded) {
            problem = "trail truncated: " + entries + " entries where the booking records " + recorded;
        } else if (entries > recorded) {
            problem = entries + " entries where the booking records " + recorded
                    + " (entries written outside the booking's statements)";
        }
        return new AuditCheck(booking, entries, recorded, problem);
    }

    /**
     * Whether the trail has the length the booking accounts for.
     *
     * @return {@code true} when there is no problem
     */
    public boolean valid() {
        return problem == null;
    }
}
