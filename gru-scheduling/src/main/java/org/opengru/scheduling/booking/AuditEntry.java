package org.opengru.scheduling.booking;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.principal.ActorRef;

/**
 * One line of a booking's audit trail: who did what, when, from which status to which.
 *
 * @param booking the booking
 * @param action what was done
 * @param actor who did it (pseudonymous)
 * @param at when
 * @param from the status before, or {@code null} at creation
 * @param to the status after
 * @param detail what else is worth keeping (a reason, the previous start), or {@code null}
 */
public record AuditEntry(
        BookingId booking,
        String action,
        ActorRef actor,
        Instant at,
        @Nullable BookingStatus from,
        BookingStatus to,
        @Nullable String detail) {}
