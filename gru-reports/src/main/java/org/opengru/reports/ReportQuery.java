package org.opengru.reports;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.tenancy.TenantId;

/**
 * The agents' list: filed reports of one collectivité, optionally of one category, status and zone,
 * newest first, at most {@code limit}.
 */
public record ReportQuery(
        TenantId tenant,
        @Nullable String category,
        @Nullable ReportStatus status,
        @Nullable String zone,
        int limit) {

    public ReportQuery {
        Objects.requireNonNull(tenant, "tenant");
        if (status == ReportStatus.AWAITING_VERIFICATION) {
            throw new ValidationException("query.status", status, "is not filed: no one lists it");
        }
        if (limit < 1 || limit > 1000) {
            throw new ValidationException("query.limit", limit, "must be between 1 and 1000");
        }
    }

    public static ReportQuery all(TenantId tenant) {
        return new ReportQuery(tenant, null, null, null, 100);
    }

    public ReportQuery category(@Nullable String c) {
        return new ReportQuery(tenant, c, status, zone, limit);
    }

    public ReportQuery status(@Nullable ReportStatus s) {
        return new ReportQuery(tenant, category, s, zone, limit);
    }

    public ReportQuery zone(@Nullable String z) {
        return new ReportQuery(tenant, category, status, z, limit);
    }

    /** Whether a report is in this list (the in-memory store's filter, and the contract's). */
    public boolean matches(Report r) {
        return r.tenant().equals(tenant)
                && r.status().filed()
                && (category == null || category.equals(r.category()))
                && (status == null || status == r.status())
                && (zone == null || zone.equals(r.zone()));
    }
}
