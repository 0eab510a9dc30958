package org.opengru.scheduling.reservation;

import java.util.UUID;
import org.opengru.scheduling.internal.Check;

/**
 * A reservation's id, random, unique across collectivités.
 *
 * @param value the UUID
 */
public record ReservationId(UUID value) {

    /**
     * Checks the value is present.
     *
     * @param value the UUID
     * @throws org.opengru.core.error.ValidationException naming {@code reservationId} when it is absent
     */
    public ReservationId {
        Check.required("reservationId", value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
