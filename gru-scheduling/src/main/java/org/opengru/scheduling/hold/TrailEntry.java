package org.opengru.scheduling.hold;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;

/**
 * One entry of an item's audit trail, written with the change it records (in the same transaction):
 * who (pseudonymous), when, which action, the states before and after, and an optional detail (a reason
 * for the resident, a payment reference, a piece's document reference).
 */
public record TrailEntry(
        TenantId tenant,
        UUID item,
        String action,
        ActorRef actor,
        Instant at,
        @Nullable String fromStatus,
        String toStatus,
        @Nullable String detail) {
    /**
     * This entry without its free-text detail, except a payment's reference (the accounts need it), for the
     * RGPD subject access export and the erasure of an usager.
     *
     * @return this entry when it is a payment's, a copy without the detail otherwise
     */
    public TrailEntry withoutDetail() {
        if (action.contains("payment")) {
            return this;
        }
        return new TrailEntry(tenant, item, action, actor, at, fromStatus, toStatus, null);
    }
}
