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
 *
 * @param tenant the collectivité
 * @param category only this category, or {@code null}
 * @param status only this status, or {@code null} for every filed one
 * @param zone only this zone, or {@code null}
 * @param limit the most reports, 1 to 1000
 */
public record ReportQuery(
        TenantId tenant,
        @Nullable String category,
        @Nullable ReportStatus status,
        @Nullable String zone,
        @Nullable Set<TeamId> teams,
        int limit) {

    /**
     * Checks the query: a status no one lists ({@code AWAITING_VERIFICATION}) or a limit out of range is refused.
     *
     * @param tenant the collectivité
     * @param category only this category, or {@code null}
     * @param status only this status, or {@code null} for every filed one
     * @param zone only this zone, or {@code null}
     * @param teams the teams the reports are routed to; {@code null} for every team, empty for none. {@link
     *     ReportService#list} narrows it to the acting agent's teams.
     * @param limit the most reports, 1 to 1000
     * @throws org.opengru.core.error.ValidationException naming {@code query.status} or {@code query.limit} and the
     *     value
     */
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

    /**
     * The collectivité's filed reports, every team, 100 at most.
     *
     * @param tenant the collectivité
     * @return the query
     */
    public static ReportQuery all(TenantId tenant) {
        return new ReportQuery(tenant, null, null, null, null, 100);
    }

    /**
     * Only the reports of a category.
     *
     * @param c the category's code, or {@code null} for every category
     * @return the narrowed query
     */
    public ReportQuery category(@Nullable String c) {
        return new ReportQuery(tenant, c, status, zone, teams, limit);
    }

    /**
     * Only the reports in a status.
     *
     * @param s the status, or {@code null} for every filed one
     * @return the narrowed query
     */
    public ReportQuery status(@Nullable ReportStatus s) {
        return new ReportQuery(tenant, category, s, zone, teams, limit);
    }

    /**
     * Only the reports in a zone.
     *
     * @param z the zone's id, or {@code null} for every zone
     * @return the narrowed query
     */
    public ReportQuery zone(@Nullable String z) {
        return new ReportQuery(tenant, category, status, z, teams, limit);
    }

    /**
     * Only the reports routed to one of these teams ({@code null}: every team).
     *
     * @param t the teams
     * @return the narrowed query
     */
    public ReportQuery teams(@Nullable Set<TeamId> t) {
        return new ReportQuery(tenant, category, status, zone, t, limit);
    }

    /**
     * At most that many reports.
     *
     * @param l from 1 to 1000
     * @return the query
     */
    public ReportQuery limit(int l) {
        return new ReportQuery(tenant, category, status, zone, teams, l);
    }

    /**
     * Whether a report is in this list (the in-memory store's filter, and the contract's).
     *
     * @param r a report
     * @return {@code true} when it is filed and matches every criterion
     */
    public boolean matches(Report r) {
        return r.tenant().equals(tenant)
                && r.status().filed()
                && (category == null || category.equals(r.category()))
                && (status == null || status == r.status())
                && (zone == null || zone.equals(r.zone()))
                && (teams == null || teams.contains(r.team()));
    }
}
