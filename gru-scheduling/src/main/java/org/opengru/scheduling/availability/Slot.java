package org.opengru.scheduling.availability;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.ServiceId;

/**
 * A free slot (créneau disponible) for a service: its start and end, and the desks free for it. Its
 * capacity is the number of those desks: that many residents can still book it.
 */
public record Slot(ServiceId service, Instant start, Instant end, List<ResourceId> freeResources) {

    public Slot {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        freeResources = List.copyOf(freeResources);
    }

    public int capacity() {
        return freeResources.size();
    }
}
