package org.opengru.core.request;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.tenancy.TenantId;

/**
 * The applicant (or an agent for them) provided the complement; processing resumes.
 *
 * @param eventId the event's id
 * @param tenant the collectivité
 * @param occurredAt when it happened
 * @param requestId the request
 * @param version the request's version after the change
 * @param implicitDecisionDueAt when the implicit decision now falls due, or {@code null}
 */
public record ComplementProvided(
        EventId eventId,
        TenantId tenant,
        Instant occurredAt,
        RequestId requestId,
        long version,
        @Nullable Instant implicitDecisionDueAt)
        implements RequestEvent {}
