package org.opengru.reports;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.TeamId;
import org.opengru.core.tenancy.TenantId;

/**
 * The agents' list: filed reports of one collectivité, optionally of one category, status and zone, and
 * routed to some teams, newest first, at most {@code limit}.
 *
 * @param teams the teams the reports are routed to; {@code null} for every team, empty for none. {@link
 *     ReportService#list} narrows it to the acting agent's teams.
 */
public record ReportQuery(
        TenantId tenant,
        @Nullable String category,
        @Nullable ReportStatus status,
        @Nullable String zone,
        @Nullable Set<TeamId> teams,
        int limit) {

    public ReportQuery {
        Objects.requireNonNull(tenant, "tenant");
        if (status == ReportStatus.AWAITING_VERIFICATION) {
            throw new ValidationException("query.status", status, "is not filed: no one lists it");
        }
        teams = teams == null ? null : Set.copyOf(teams);
        if (limit < 1 || limit > 1000) {
            throw new ValidationException("query.limit", limit, "must be between 1 and 1000");
        }
    }

    /** The collectivité's filed reports, every team, 100 at most. */
    public static ReportQuery all(TenantId tenant) {
        return new ReportQuery(tenant, null, null, null, null, 100);
    }

    public ReportQuery category(@Nullable String c) {
        return new ReportQuery(tenant, c, status, zone, teams, limit);
    }

    public ReportQuery status(@Nullable ReportStatus s) {
        return new ReportQuery(tenant, category, s, zone, teams, limit);
    }

    public ReportQuery zone(@Nullable String z) {
        return new ReportQuery(tenant, category, status, z, teams, limit);
    }

    /** Only the reports routed to one of these teams ({@code null}: every team). */
    public ReportQuery teams(@Nullable Set<TeamId> t) {
        return new ReportQuery(tenant, category, status, zone, t, limit);
    }

    public ReportQuery limit(int l) {
        return new ReportQuery(tenant, category, status, zone, teams, l);
    }

    /** Whether a report is in this list (the in-memory store's filter, and the contract's). */
    public boolean matches(Report r) {
        return r.tenant().equals(tenant)
                && r.status().filed()
                && (category == null || category.equals(r.category()))
                && (status == null || status == r.status())
                && (zone == null || zone.equals(r.zone()))
                && (teams == null || teams.contains(r.team()));
    }
}
