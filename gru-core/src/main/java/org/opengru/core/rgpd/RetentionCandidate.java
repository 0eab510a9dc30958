package org.opengru.core.rgpd;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.id.RequestId;

/**
 * A closed request as the purge job sees it: no personal data, only what retention needs.
 *
 * @param requestId the request
 * @param procedure its démarche, whose policy applies
 * @param closedAt when it was closed
 * @param archivedAt when it was archived, or {@code null}
 */
public record RetentionCandidate(
        RequestId requestId,
        ProcedureCode procedure,
        Instant closedAt,
        @Nullable Instant archivedAt) {}
