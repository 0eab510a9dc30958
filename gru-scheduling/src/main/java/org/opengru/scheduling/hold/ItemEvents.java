package org.opengru.scheduling.hold;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.opengru.core.id.EventId;

/**
 * The stable id of the event of one change of an item: the same whether the PostgreSQL store writes it to
 * gru-core's outbox or the service publishes it to in-process listeners, so that a consumer receiving it
 * both ways, or twice, can tell it is one event.
 */
public final class ItemEvents {

    private ItemEvents() {}

    /**
     * The id of the event of an item's change.
     *
     * @param itemType {@code reservation} or {@code registration}
     * @param item the item's id
     * @param version the item's version after the change
     * @return a name-based UUID of the three
     */
    public static EventId idOf(String itemType, UUID item, int version) {
        return EventId.of(
                UUID.nameUUIDFromBytes((itemType + ":" + item + ":" + version).getBytes(StandardCharsets.UTF_8)));
    }
}
