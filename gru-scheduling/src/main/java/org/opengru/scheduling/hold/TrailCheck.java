package org.opengru.scheduling.hold;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An item's audit trail checked (a reservation's, a registration's or a booking payment's): the PostgreSQL
 * stores re-compute every link of its hash chain and compare the last with the head and the length the
 * item row records, so that an edited, swapped, deleted or added entry, a truncated trail or a detail that
 * no longer matches its digest is reported.
 *
 * @param item the item checked
 * @param entries the entries stored
 * @param recorded the entries the item row accounts for
 * @param problem what is wrong, or {@code null} when the trail holds
 */
public record TrailCheck(
        UUID item, long entries, long recorded, @Nullable String problem) {

    /**
     * Whether the trail holds.
     *
     * @return {@code true} when there is no problem
     */
    public boolean valid() {
        return problem == null;
    }
}
