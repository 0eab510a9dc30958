package org.opengru.core.audit;

import org.jspecify.annotations.Nullable;
import org.opengru.core.id.RequestId;

/**
 * The result of checking one request's chain.
 *
 * @param entries how many entries were read
 * @param brokenAt the position where the chain first fails, or {@code -1} when it holds
 * @param problem what failed there (edited content, missing entry, wrong order), or {@code null}
 * @param headHash the last entry's hash; the request records it too ({@link AuditAnchor}), so that a
 *     truncated tail, which no chain can reveal on its own, is reported
 *
 * @param requestId the request checked
 */
public record AuditVerification(
        RequestId requestId,
        long entries,
        long brokenAt,
        @Nullable String problem,
        String headHash) {

    /**
     * Whether the chain holds.
     *
     * @return {@code true} when nothing failed
     */
    public boolean valid() {
        return brokenAt < 0;
    }
}
