package org.opengru.core.request;

import java.time.Instant;
import org.opengru.core.id.RequestId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * What a store remembers of an idempotent command: its key (unique per collectivité), a fingerprint of
 * the command (action and target) to refuse a key reused for something else, the request it affected and
 * the version it produced.
 *
 * @param tenant the collectivité
 * @param key the client's idempotency key
 * @param fingerprint what the command was (action and target), to tell a retry from a reuse of the key
 * @param requestId the request
 * @param resultVersion the request's version the command produced
 * @param at when
 */
public record IdempotencyRecord(
        TenantId tenant, IdempotencyKey key, String fingerprint, RequestId requestId, long resultVersion, Instant at) {

    /**
     * Checks the record.
     *
     * @param tenant the collectivité
     * @param key the client's idempotency key
     * @param fingerprint what the command was (action and target), to tell a retry from a reuse of the key
     * @param requestId the request
     * @param resultVersion the request's version the command produced
     * @param at when
     * @throws NullPointerException naming a missing value
     */
    public IdempotencyRecord {
        Checks.required("idempotency.tenant", tenant);
        Checks.required("idempotency.key", key);
        fingerprint = Checks.text("idempotency.fingerprint", fingerprint, 300);
        Checks.required("idempotency.requestId", requestId);
        Checks.check(resultVersion >= 1, "idempotency.resultVersion", resultVersion, "must be 1 or more");
        Checks.required("idempotency.at", at);
    }
}
