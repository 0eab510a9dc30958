package org.opengru.core.rgpd;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.id.RequestId;

/** A closed request as the purge job sees it: no personal data, only what retention needs. */
public record RetentionCandidate(
        RequestId requestId,
        ProcedureCode procedure,
        Instant closedAt,
        @Nullable Instant archivedAt) {}
