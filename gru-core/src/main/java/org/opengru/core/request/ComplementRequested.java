package org.opengru.core.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.tenancy.TenantId;

/**
 * An agent asked for a complement; the implicit-decision period is suspended.
 *
 * @param eventId the event's id
 * @param tenant the collectivité
 * @param occurredAt when it happened
 * @param requestId the request
 * @param version the request's version after the change
 * @param missing the pieces or fields to provide
 * @param dueBy when the complement is due, or {@code null}
 */
public record ComplementRequested(
        EventId eventId,
        TenantId tenant,
        Instant occurredAt,
        RequestId requestId,
        long version,
        List<String> missing,
        LocalDate dueBy)
        implements RequestEvent {

    /**
     * Copies the missing list.
     *
     * @param eventId the event's id
     * @param tenant the collectivité
     * @param occurredAt when it happened
     * @param requestId the request
     * @param version the request's version after the change
     * @param missing the pieces or fields to provide
     * @param dueBy when the complement is due, or {@code null}
     */
    public ComplementRequested {
        missing = List.copyOf(missing);
    }
}
