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
 */
public record IdempotencyRecord(
        TenantId tenant, IdempotencyKey key, String fingerprint, RequestId requestId, long resultVersion, Instant at) {

    public IdempotencyRecord {
        Checks.required("idempotency.tenant", tenant);
        Checks.required("idempotency.key", key);
        fingerprint = Checks.text("idempotency.fingerprint", fingerprint, 300);
        Checks.required("idempotency.requestId", requestId);
        Checks.check(resultVersion >= 1, "idempotency.resultVersion", resultVersion, "must be 1 or more");
        Checks.required("idempotency.at", at);
    }
}
