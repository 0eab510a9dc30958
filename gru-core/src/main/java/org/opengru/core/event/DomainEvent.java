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

    EventId eventId();

    TenantId tenant();

    /** When the change happened, from the injected clock. */
    Instant occurredAt();

    /** A stable type name for serialisation and routing; the simple class name by default. */
    default String type() {
        return getClass().getSimpleName();
    }
}
