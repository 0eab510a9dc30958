package org.opengru.scheduling.availability;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.ServiceId;

/**
 * A free slot (créneau disponible) for a service: its start and end, and the desks free for it. Its
 * capacity is the number of those desks: that many residents can still book it.
 *
 * @param service the service (motif)
 * @param start the appointment's start
 * @param end its end
 * @param freeResources the desks free at that time
 */
public record Slot(ServiceId service, Instant start, Instant end, List<ResourceId> freeResources) {

    /**
     * Checks the slot and copies its desks.
     *
     * @param service the service (motif)
     * @param start the appointment's start
     * @param end its end
     * @param freeResources the desks free at that time
     * @throws NullPointerException naming a missing value
     */
    public Slot {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        freeResources = List.copyOf(freeResources);
    }

    /**
     * How many appointments could start at this slot: one per free desk.
     *
     * @return the number of free desks
     */
    public int capacity() {
        return freeResources.size();
    }
}
