package org.opengru.core.event;

import java.time.Instant;
import org.opengru.core.id.EventId;
import org.opengru.core.tenancy.TenantId;

/**
 * Something that happened in a collectivité, published only after the change that caused it is stored.
 * Implementations are immutable records, one per kind of event; every module adds its own. The event id
 * is stable (the same in the outbox, the webhook and the listener) so that consumers can de-duplicate.
 */
public interface DomainEvent {

    /**
     * The event's id, the same wherever the event goes.
     *
     * @return the id consumers de-duplicate on
     */
    EventId eventId();

    /**
     * The collectivité where it happened.
     *
     * @return the collectivité
     */
    TenantId tenant();

    /**
     * When the change happened, from the injected clock.
     *
     * @return the instant of the change
     */
    Instant occurredAt();

    /**
     * A stable type name for serialisation and routing; the simple class name by default.
     *
     * @return the type, such as {@code RequestSubmitted}
     */
    default String type() {
        return getClass().getSimpleName();
    }
}
