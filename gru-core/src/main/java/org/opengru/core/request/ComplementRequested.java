package org.opengru.core.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.tenancy.TenantId;

/** An agent asked for a complement; the implicit-decision period is suspended. */
public record ComplementRequested(
        EventId eventId,
        TenantId tenant,
        Instant occurredAt,
        RequestId requestId,
        long version,
        List<String> missing,
        LocalDate dueBy)
        implements RequestEvent {

    public ComplementRequested {
        missing = List.copyOf(missing);
    }
}
