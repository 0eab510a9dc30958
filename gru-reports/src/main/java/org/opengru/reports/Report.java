package org.opengru.reports;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.TeamId;
import org.opengru.core.tenancy.TenantId;

/**
 * A signalement: a problem in the public space, where it is, what it is, who follows it and where it
 * stands. Immutable; the changes below keep {@code version}, and {@link #next()} gives the value to write,
 * one version higher, which the store writes only over the version it was read at.
 *
 * @param category the code of one of the commune's {@link ReportCategory categories}
 * @param address the address as typed and geocoded, when the resident gave one rather than a point
 * @param zone the id of the {@link Zone} the location lies in, if any
 * @param team where it is routed (by category and zone)
 * @param followers the author first, then each "+1", and the followers of the reports merged into it
 * @param receivedAt when it was filed (for an anonymous report: when its e-mail was verified)
 * @param resolvedAt when it was last resolved or rejected
 * @param mergedInto the report this duplicate was merged into (it is then rejected)
 * @param tenant the collectivité
 * @param id the report's id, also its public reference
 * @param location where the problem is
 * @param description what the resident wrote
 * @param photos the photos, metadata stripped
 * @param status where it stands
 * @param history every change of status, oldest first
 * @param createdAt when it was sent
 * @param version the optimistic-locking version
 */
public record Report(
        TenantId tenant,
        ReportId id,
        String category,
        GeoPoint location,
        @Nullable String address,
        @Nullable String zone,
        String description,
        List<ReportPhoto> photos,
        ReportStatus status,
        TeamId team,
        List<Follower> followers,
        List<ReportChange> history,
        Instant createdAt,
        @Nullable Instant receivedAt,
        @Nullable Instant resolvedAt,
        @Nullable ReportId mergedInto,
        long version) {

    /**
     * Checks that the required parts are present, copies the lists and truncates times to the microsecond.
     *
     * @param tenant the collectivité
     * @param id the report's id, also its public reference
     * @param category the code of one of the commune's {@link ReportCategory categories}
     * @param location where the problem is
     * @param address the address as typed and geocoded, when the resident gave one rather than a point
     * @param zone the id of the {@link Zone} the location lies in, if any
     * @param description what the resident wrote
     * @param photos the photos, metadata stripped
     * @param status where it stands
     * @param team where it is routed (by category and zone)
     * @param followers the author first, then each "+1", and the followers of the reports merged into it
     * @param history every change of status, oldest first
     * @param createdAt when it was sent
     * @param receivedAt when it was filed (for an anonymous report: when its e-mail was verified)
     * @param resolvedAt when it was last resolved or rejected
     * @param mergedInto the report this duplicate was merged into (it is then rejected)
     * @param version the optimistic-locking version
     * @throws NullPointerException naming the missing part
     */
    public Report {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(description, "description");
        photos = List.copyOf(photos);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(team, "team");
        followers = List.copyOf(followers);
        history = List.copyOf(history);
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        receivedAt = receivedAt == null ? null : receivedAt.truncatedTo(ChronoUnit.MICROS);
        resolvedAt = resolvedAt == null ? null : resolvedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** This report moved to {@code to} at {@code at} by {@code actor}, with one more history entry. */
    Report moved(ReportStatus to, Instant at, String actor) {
        List<ReportChange> h = new ArrayList<>(history);
        h.add(new ReportChange(at, status, to, actor));
        Instant received = receivedAt == null && to == ReportStatus.RECEIVED ? at : receivedAt;
        Instant resolved = to == ReportStatus.RESOLVED || to == ReportStatus.REJECTED ? at : null;
        return copy(address, description, photos, to, followers, h, received, resolved, mergedInto, version);
    }

    /** The value to write over this one: one version higher. */
    Report next() {
        return copy(
                address,
                description,
                photos,
                status,
                followers,
                history,
                receivedAt,
                resolvedAt,
                mergedInto,
                version + 1);
    }

    /** This report with its followers replaced. */
    Report withFollowers(List<Follower> newFollowers) {
        return copy(
                address,
                description,
                photos,
                status,
                newFollowers,
                history,
                receivedAt,
                resolvedAt,
                mergedInto,
                version);
    }

    /** This report marked as a duplicate of another. */
    Report mergedInto(ReportId target) {
        return copy(address, description, photos, status, followers, history, receivedAt, resolvedAt, target, version);
    }

    /**
     * This report with what names or shows a person removed: the description (replaced), the address, the
     * photos and the followers. Category, zone, point, status and dates stay for the statistics.
     */
    Report anonymised() {
        return copy(
                null, ANONYMISED, List.of(), status, List.of(), history, receivedAt, resolvedAt, mergedInto, version);
    }

    /** A copy with the parts that change after filing (what is reported, where and by whom never do). */
    private Report copy(
            @Nullable String newAddress,
            String newDescription,
            List<ReportPhoto> newPhotos,
            ReportStatus newStatus,
            List<Follower> newFollowers,
            List<ReportChange> newHistory,
            @Nullable Instant newReceivedAt,
            @Nullable Instant newResolvedAt,
            @Nullable ReportId newMergedInto,
            long newVersion) {
        return new Report(
                tenant,
                id,
                category,
                location,
                newAddress,
                zone,
                newDescription,
                newPhotos,
                newStatus,
                team,
                newFollowers,
                newHistory,
                createdAt,
                newReceivedAt,
                newResolvedAt,
                newMergedInto,
                newVersion);
    }

    /** What replaces the description of an anonymised report. */
    public static final String ANONYMISED = "[description effacée]";
}
