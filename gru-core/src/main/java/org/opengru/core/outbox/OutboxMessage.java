package org.opengru.core.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.opengru.core.id.EventId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * One event to write to the outbox, inside the transaction of the change that caused it.
 *
 * @param eventId stable id, the same in every delivery, so that consumers can de-duplicate
 * @param aggregateType the kind of aggregate, such as {@code request}: delivery is ordered per aggregate
 * @param aggregateId the aggregate's id, such as the request's UUID
 * @param eventType a stable type name, such as {@code RequestSubmitted}
 * @param occurredAt when the change happened (stored to the microsecond)
 * @param payload the event as a JSON document (for a request, the full request)
 */
public record OutboxMessage(
        EventId eventId,
        TenantId tenant,
        String aggregateType,
        String aggregateId,
        String eventType,
        Instant occurredAt,
        String payload) {

    public OutboxMessage {
        Checks.required("outbox.eventId", eventId);
        Checks.required("outbox.tenant", tenant);
        aggregateType = Checks.text("outbox.aggregateType", aggregateType, 64);
        aggregateId = Checks.text("outbox.aggregateId", aggregateId, 128);
        eventType = Checks.text("outbox.eventType", eventType, 128);
        occurredAt = Checks.required("outbox.occurredAt", occurredAt).truncatedTo(ChronoUnit.MICROS);
        payload = Checks.text("outbox.payload", payload);
        Checks.check(
                payload.startsWith("{") && payload.endsWith("}"),
                "outbox.payload",
                payload.length() > 40 ? payload.substring(0, 40) + "..." : payload,
                "must be a JSON object");
    }
}
