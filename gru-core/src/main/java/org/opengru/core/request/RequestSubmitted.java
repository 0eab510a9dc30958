package org.opengru.core.request;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.ProcedureRef;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.ShortReference;
import org.opengru.core.tenancy.TenantId;

/**
 * A request was received: submitted complete, or registered incomplete by an agent. The accusé de réception is on the request.
 *
 * @param eventId the event's id
 * @param tenant the collectivité
 * @param occurredAt when it happened
 * @param requestId the request
 * @param version the request's version after the change
 * @param reference its short reference
 * @param procedure its démarche
 * @param receivedAt the date of receipt
 * @param complete whether it was received complete
 * @param implicitDecisionDueAt when the implicit decision falls due, or {@code null}
 */
public record RequestSubmitted(
        EventId eventId,
        TenantId tenant,
        Instant occurredAt,
        RequestId requestId,
        long version,
        ShortReference reference,
        ProcedureRef procedure,
        Instant receivedAt,
        boolean complete,
        @Nullable Instant implicitDecisionDueAt)
        implements RequestEvent {}
