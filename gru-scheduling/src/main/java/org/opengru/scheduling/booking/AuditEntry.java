package org.opengru.scheduling.booking;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.principal.ActorRef;

/** One line of a booking's audit trail: who did what, when, from which status to which. */
public record AuditEntry(
        BookingId booking,
        String action,
        ActorRef actor,
        Instant at,
        @Nullable BookingStatus from,
        BookingStatus to,
        @Nullable String detail) {}
