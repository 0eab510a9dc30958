package org.opengru.core.stats;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.error.ValidationException;
import org.opengru.core.request.RequestStatus;

/**
 * Computes the open-data table and writes it as CSV (RFC 4180, comma, UTF-8, header line). Counts below
 * {@code minimumCount} (but above zero) are left empty, as the secret statistique asks for small groups
 * that could point at a person; 0 disables it.
 *
 * <pre>{@code
 * procedure,month,received,decided,accepted,rejected,closed_without_follow_up,implicit_decisions,median_processing_days
 * inscription-cantine,2026-03,42,40,38,2,0,3,6.5
 * }</pre>
 */
public final class OpenDataStatistics {

    public static final String HEADER = "procedure,month,received,decided,accepted,rejected,"
            + "closed_without_follow_up,implicit_decisions,median_processing_days";

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final int minimumCount;

    public OpenDataStatistics(int minimumCount) {
        if (minimumCount < 0) {
            throw new ValidationException("minimumCount", minimumCount, "must be 0 or more");
        }
        this.minimumCount = minimumCount;
    }

    /** Without small-count suppression. */
    public static OpenDataStatistics unsuppressed() {
        return new OpenDataStatistics(0);
    }

    private record Key(ProcedureCode procedure, YearMonth month) {}

    /** One row per démarche and month of receipt, sorted by démarche then month. */
    public List<StatisticsRow> rows(List<RequestFacts> facts) {
        Map<Key, List<RequestFacts>> groups = new TreeMap<>(
                Comparator.comparing((Key k) -> k.procedure().value()).thenComparing(Key::month));
        for (RequestFacts f : facts) {
            groups.computeIfAbsent(
                            new Key(f.procedure(), YearMonth.from(f.receivedAt().atZone(PARIS))),
                            k -> new ArrayList<>())
                    .add(f);
        }
        List<StatisticsRow> rows = new ArrayList<>();
        for (Map.Entry<Key, List<RequestFacts>> e : groups.entrySet()) {
            List<RequestFacts> g = e.getValue();
            List<Double> days = new ArrayList<>();
            int accepted = 0;
            int rejected = 0;
            int closed = 0;
            int implicit = 0;
            for (RequestFacts f : g) {
                if (f.outcome() == null || f.decidedAt() == null) {
                    continue;
                }
                days.add(Duration.between(f.receivedAt(), f.decidedAt()).toMinutes() / 1440.0);
                if (f.outcome() == RequestStatus.ACCEPTED) {
                    accepted++;
                } else if (f.outcome() == RequestStatus.REJECTED) {
                    rejected++;
                } else {
                    closed++;
                }
                if (f.implicit()) {
                    implicit++;
                }
            }
            rows.add(new StatisticsRow(
                    e.getKey().procedure(),
                    e.getKey().month(),
                    g.size(),
                    days.size(),
                    accepted,
                    rejected,
                    closed,
                    implicit,
                    median(days)));
        }
        return rows;
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The rows as CSV, header first, lines ending in CRLF. */
    public String csv(List<StatisticsRow> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (StatisticsRow r : rows) {
            sb.append(field(r.procedure().value()))
                    .append(',')
                    .append(r.month())
                    .append(',')
                    .append(count(r.received()))
                    .append(',')
                    .append(count(r.decided()))
                    .append(',')
                    .append(count(r.accepted()))
                    .append(',')
                    .append(count(r.rejected()))
                    .append(',')
                    .append(count(r.closedWithoutFollowUp()))
                    .append(',')
                    .append(count(r.implicitDecisions()))
                    .append(',')
                    .append(
                            r.medianProcessingDays() == null || hidden(r.decided())
                                    ? ""
                                    : String.format(Locale.ROOT, "%.1f", r.medianProcessingDays()))
                    .append("\r\n");
        }
        return sb.toString();
    }

    /** Computes and writes in one go. */
    public String csv(StatisticsSource source, org.opengru.core.tenancy.TenantId tenant, YearMonth from, YearMonth to) {
        List<RequestFacts> facts = source.received(
                tenant,
                from.atDay(1).atStartOfDay(PARIS).toInstant(),
                to.plusMonths(1).atDay(1).atStartOfDay(PARIS).toInstant());
        return csv(rows(facts));
    }

    private boolean hidden(int n) {
        return n > 0 && n < minimumCount;
    }

    private String count(int n) {
        return hidden(n) ? "" : Integer.toString(n);
    }

    private static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
