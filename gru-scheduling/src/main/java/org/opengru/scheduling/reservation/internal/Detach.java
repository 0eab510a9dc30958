package org.opengru.scheduling.reservation.internal;

import java.time.Instant;
import java.util.Map;
import org.opengru.core.id.UsagerId;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationStatus;

/** The erasure rules both stores follow, in one place. */
public final class Detach {

    private Detach() {}

    /**
     * Whether erasure detaches the reservation now: it keeps no period ahead, and no refund is owed to
     * the person (a REFUND_DUE reservation stays theirs until the refund is recorded).
     */
    public static boolean detachable(Reservation r, Instant now) {
        return r.status() != ReservationStatus.REFUND_DUE
                && !(r.status().keepsPeriod() && r.end().isAfter(now));
    }

    /** The reservation under a random usager id, without its pieces' references nor its reason. */
    public static Reservation detached(Reservation r, UsagerId random) {
        return new Reservation(
                r.id(),
                r.tenant(),
                r.reservable(),
                random,
                r.category(),
                r.start(),
                r.end(),
                r.status(),
                r.priceCents(),
                r.depositCents(),
                r.depositInPayment(),
                r.deposit(),
                r.requiredPieces(),
                Map.of(),
                r.holdExpiresAt(),
                r.paymentReference(),
                null,
                r.version(),
                r.createdAt(),
                r.updatedAt());
    }
}
