package org.opengru.scheduling.reservation;

import java.util.UUID;
import org.opengru.scheduling.internal.Check;

public record ReservationId(UUID value) {

    public ReservationId {
        Check.required("reservationId", value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
