package org.opengru.reports;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.EventId;
import org.opengru.core.tenancy.TenantId;

/**
 * A change of status that one reporter is told of.
 *
 * @param eventId the change's id, the same for every reporter told of it (de-duplication key)
 * @param mergedInto the report the reporter now follows, when theirs was merged into it
 * @param tenant the collectivité
 * @param report the report that changed
 * @param to the reporter told
 * @param status the new status
 * @param at when it changed
 */
public record ReportNotice(
        EventId eventId,
        TenantId tenant,
        ReportId report,
        Reporter to,
        ReportStatus status,
        Instant at,
        @Nullable ReportId mergedInto) {

    /**
     * Checks that the required parts are present.
     *
     * @param eventId the change's id, the same for every reporter told of it (de-duplication key)
     * @param tenant the collectivité
     * @param report the report that changed
     * @param to the reporter told
     * @param status the new status
     * @param at when it changed
     * @param mergedInto the report the reporter now follows, when theirs was merged into it
     * @throws NullPointerException naming the missing part
     */
    public ReportNotice {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
