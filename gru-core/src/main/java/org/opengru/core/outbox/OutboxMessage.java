package org.opengru.core.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.opengru.core.audit.AuditHashes;
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
 * @param payload the event as a JSON document (for a request, the full request); once delivered, or once
 *     a dead letter's retention ends, only its digest is kept: see {@link #payloadPruned()}
 *
 * @param tenant the collectivité
 */
public record OutboxMessage(
        EventId eventId,
        TenantId tenant,
        String aggregateType,
        String aggregateId,
        String eventType,
        Instant occurredAt,
        String payload) {

    /**
     * Checks every part and truncates the time to the microsecond.
     *
     * @param eventId stable id, the same in every delivery, so that consumers can de-duplicate
     * @param tenant the collectivité
     * @param aggregateType the kind of aggregate, such as {@code request}: delivery is ordered per aggregate
     * @param aggregateId the aggregate's id, such as the request's UUID
     * @param eventType a stable type name, such as {@code RequestSubmitted}
     * @param occurredAt when the change happened (stored to the microsecond)
     * @param payload the event as a JSON document (for a request, the full request); once delivered, or once
     *     a dead letter's retention ends, only its digest is kept: see {@link #payloadPruned()}
     * @throws org.opengru.core.error.ValidationException naming {@code outbox.<part>} and the value
     */
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

    private static final String PRUNED_PREFIX = "{\"payloadSha256\":\"";

    /**
     * What a delivered event's payload becomes in storage: {@code {"payloadSha256":"<hex>"}}, the SHA-256
     * of the payload's UTF-8 text. The outbox keeps no copy of the request once the subscriber has it;
     * the digest still lets the subscriber's copy be matched to the event.
     *
     * @param payload the payload as appended
     * @return the stored stand-in
     */
    public static String prunedPayload(String payload) {
        return PRUNED_PREFIX + AuditHashes.sha256(payload) + "\"}";
    }

    /**
     * Whether only the payload's digest is left ({@link #prunedPayload}).
     *
     * @return {@code true} once pruned
     */
    public boolean payloadPruned() {
        return payload.startsWith(PRUNED_PREFIX) && payload.length() == PRUNED_PREFIX.length() + 66;
    }

    /**
     * The SHA-256 of the payload as appended, whether it is still here or pruned.
     *
     * @return 64 hex digits
     */
    public String payloadSha256() {
        return payloadPruned()
                ? payload.substring(PRUNED_PREFIX.length(), PRUNED_PREFIX.length() + 64)
                : AuditHashes.sha256(payload);
    }

    /**
     * This message with its payload pruned (the same message when it already is).
     *
     * @return the pruned message
     */
    public OutboxMessage pruned() {
        return payloadPruned()
                ? this
                : new OutboxMessage(
                        eventId, tenant, aggregateType, aggregateId, eventType, occurredAt, prunedPayload(payload));
    }
}
