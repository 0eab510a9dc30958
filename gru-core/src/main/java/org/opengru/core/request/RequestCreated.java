package org.opengru.core.request;

import java.time.Instant;
import org.opengru.core.catalogue.ProcedureRef;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.ShortReference;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.tenancy.TenantId;

/**
 * A request was created as a draft (possibly keyed in by an agent).
 *
 * @param eventId the event's id
 * @param tenant the collectivité
 * @param occurredAt when it happened
 * @param requestId the request
 * @param version the request's version after the change
 * @param reference its short reference
 * @param procedure its démarche
 * @param applicant the applicant
 * @param channel how it came
 */
public record RequestCreated(
        EventId eventId,
        TenantId tenant,
        Instant occurredAt,
        RequestId requestId,
        long version,
        ShortReference reference,
        ProcedureRef procedure,
        UsagerId applicant,
        Channel channel)
        implements RequestEvent {}
