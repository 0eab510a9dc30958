package org.opengru.reports.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;
import org.opengru.reports.Follower;
import org.opengru.reports.Report;
import org.opengru.reports.ReportId;
import org.opengru.reports.ReportQuery;
import org.opengru.reports.ReportStatus;
import org.opengru.reports.ReportStore;
import org.opengru.reports.Reporter;

/** The report store in memory: thread-safe, each report replaced atomically under its version check. */
public final class InMemoryReportStore implements ReportStore {

    private record Key(TenantId tenant, ReportId id) {}

    private final Map<Key, Report> reports = new ConcurrentHashMap<>();

    @Override
    public void insert(Report report) {
        if (reports.putIfAbsent(new Key(report.tenant(), report.id()), report) != null) {
            throw new AlreadyExistsException("report", report.id().toString());
        }
    }

    @Override
    public Optional<Report> find(TenantId tenant, ReportId id) {
        return Optional.ofNullable(reports.get(new Key(tenant, id)));
    }

    @Override
    public void update(Report report) {
        Key key = new Key(report.tenant(), report.id());
        reports.compute(key, (k, stored) -> {
            long actual = stored == null ? -1 : stored.version();
            if (actual != report.version() - 1) {
                throw new ConcurrentUpdateException("report", report.id().toString(), report.version() - 1, actual);
            }
            return report;
        });
    }

    @Override
    public boolean delete(TenantId tenant, ReportId id) {
        return reports.remove(new Key(tenant, id)) != null;
    }

    @Override
    public Optional<Report> findByTokenHash(TenantId tenant, String tokenHash) {
        return of(tenant, r -> r.followers().stream().anyMatch(f -> tokenHash.equals(f.tokenHash()))).stream()
                .findFirst();
    }

    @Override
    public List<Report> list(ReportQuery query) {
        return of(query.tenant(), query::matches).stream()
                .sorted(Comparator.comparing(Report::createdAt).reversed().thenComparing(r -> r.id().value()))
                .limit(query.limit())
                .toList();
    }

    @Override
    public List<Report> openInBox(
            TenantId tenant, String category, double south, double west, double north, double east) {
        return of(
                tenant,
                r -> r.status().open()
                        && r.category().equals(category)
                        && r.location().lat() >= south
                        && r.location().lat() <= north
                        && r.location().lon() >= west
                        && r.location().lon() <= east);
    }

    @Override
    public List<Report> resolvedBetween(TenantId tenant, Instant from, Instant to) {
        return of(
                tenant,
                r -> r.status() == ReportStatus.RESOLVED
                        && r.resolvedAt() != null
                        && !r.resolvedAt().isBefore(from)
                        && r.resolvedAt().isBefore(to));
    }

    @Override
    public List<Report> followedBy(TenantId tenant, UsagerId usager) {
        Reporter who = Reporter.resident(usager);
        return of(tenant, r -> r.followers().stream().anyMatch(f -> f.reporter().equals(who)));
    }

    @Override
    public List<Report> followedBy(TenantId tenant, EmailAddress email) {
        Reporter who = Reporter.anonymous(email);
        return of(tenant, r -> r.followers().stream().anyMatch(f -> f.reporter().equals(who)));
    }

    @Override
    public List<Report> withExpiredTokens(TenantId tenant, Instant now, int limit) {
        return of(tenant, r -> r.followers().stream().anyMatch(f -> expired(f, now))).stream()
                .limit(limit)
                .toList();
    }

    private static boolean expired(Follower f, Instant now) {
        return f.tokenExpiresAt() != null && f.tokenExpiresAt().isBefore(now);
    }

    @Override
    public List<Report> closedWithPersonalDataBefore(TenantId tenant, Instant closedBefore, int limit) {
        return of(
                        tenant,
                        r -> (r.status() == ReportStatus.RESOLVED || r.status() == ReportStatus.REJECTED)
                                && r.resolvedAt() != null
                                && r.resolvedAt().isBefore(closedBefore)
                                && !Report.ANONYMISED.equals(r.description()))
                .stream()
                .limit(limit)
                .toList();
    }

    private List<Report> of(TenantId tenant, Predicate<Report> filter) {
        List<Report> out = new ArrayList<>();
        for (Report r : reports.values()) {
            if (r.tenant().equals(tenant) && filter.test(r)) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparing(Report::createdAt).thenComparing(r -> r.id().value()));
        return out;
    }
}
