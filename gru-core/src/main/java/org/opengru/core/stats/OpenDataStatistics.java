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
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.error.ValidationException;
import org.opengru.core.request.RequestStatus;

/**
 * Computes the open-data table and writes it as CSV (RFC 4180, comma, UTF-8, header line). Counts below
 * {@code minimumCount} (but above zero) are left empty, as the secret statistique asks for small groups
 * that could point at a person; 0 disables it.
 *
 * <p>Hiding a small count is not enough when the row lets it be recomputed: {@code decided} is the sum
 * of {@code accepted}, {@code rejected} and {@code closed_without_follow_up}, so a lone hidden outcome
 * would be the difference of the visible ones. Complementary suppression hides, in such a sum, a
 * second cell (the smallest other outcome) until no sum has exactly one hidden cell. The other
 * columns are linked by inequalities only ({@code received >= decided >= implicit_decisions}, the
 * undecided and explicit counts being unpublished), which bound a hidden count without giving it. The
 * median is left empty whenever {@code decided} is, since over one decision it is that decision's own
 * processing time. The table has no total line; a host that publishes totals per démarche or per month
 * beside it gives new sums, which this class does not protect (see docs/rgpd.md).
 *
 * <pre>{@code
 * procedure,month,received,decided,accepted,rejected,closed_without_follow_up,implicit_decisions,median_processing_days
 * inscription-cantine,2026-03,42,40,38,2,0,3,6.5
 * }</pre>
 */
public final class OpenDataStatistics {

    /** The CSV's header line. */
    public static final String HEADER = "procedure,month,received,decided,accepted,rejected,"
            + "closed_without_follow_up,implicit_decisions,median_processing_days";

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    // Positions in a row's counts, in CSV order.
    private static final int DECIDED = 1;
    private static final int[] OUTCOMES = {2, 3, 4};

    private final int minimumCount;

    /**
     * A table that leaves counts below {@code minimumCount} empty.
     *
     * @param minimumCount the smallest count published, 0 to publish every count
     * @throws org.opengru.core.error.ValidationException naming {@code minimumCount} when negative
     */
    public OpenDataStatistics(int minimumCount) {
        if (minimumCount < 0) {
            throw new ValidationException("minimumCount", minimumCount, "must be 0 or more");
        }
        this.minimumCount = minimumCount;
    }

    /**
     * Without small-count suppression.
     *
     * @return the statistics
     */
    public static OpenDataStatistics unsuppressed() {
        return new OpenDataStatistics(0);
    }

    private record Key(ProcedureCode procedure, YearMonth month) {}

    /**
     * One row per démarche and month of receipt, sorted by démarche then month.
     *
     * @param facts the facts of the received requests
     * @return the rows
     */
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

    /** The median, or null for no value; also the dashboard's. */
    static @Nullable Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The rows as CSV, header first, lines ending in CRLF.
     *
     * @param rows the rows
     * @return the CSV text
     */
    public String csv(List<StatisticsRow> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (StatisticsRow r : rows) {
            int[] counts = {
                r.received(), r.decided(), r.accepted(), r.rejected(), r.closedWithoutFollowUp(), r.implicitDecisions()
            };
            boolean[] hidden = suppressed(counts);
            sb.append(field(r.procedure().value())).append(',').append(r.month());
            for (int i = 0; i < counts.length; i++) {
                sb.append(',').append(hidden[i] ? "" : Integer.toString(counts[i]));
            }
            sb.append(',')
                    .append(
                            r.medianProcessingDays() == null || hidden[DECIDED]
                                    ? ""
                                    : String.format(Locale.ROOT, "%.1f", r.medianProcessingDays()))
                    .append("\r\n");
        }
        return sb.toString();
    }

    /**
     * Which counts of a row to leave empty: the small ones (primary suppression), then, while the sum
     * {@code decided = accepted + rejected + closed} has exactly one hidden cell, its smallest visible
     * outcome as well (the one whose hiding costs the table least; a zero serves: the hidden pair's sum
     * then leaves either value possible).
     */
    private boolean[] suppressed(int[] counts) {
        boolean[] hidden = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            hidden[i] = counts[i] > 0 && counts[i] < minimumCount;
        }
        while (hiddenInSum(hidden) == 1) {
            int pick = -1;
            for (int i : OUTCOMES) {
                if (!hidden[i] && (pick < 0 || counts[i] < counts[pick])) {
                    pick = i;
                }
            }
            // No visible outcome left: decided itself is the last visible cell of the sum.
            hidden[pick < 0 ? DECIDED : pick] = true;
        }
        return hidden;
    }

    private static int hiddenInSum(boolean[] hidden) {
        int n = hidden[DECIDED] ? 1 : 0;
        for (int i : OUTCOMES) {
            n += hidden[i] ? 1 : 0;
        }
        return n;
    }

    /**
     * Computes and writes in one go.
     *
     * @param source where the facts come from
     * @param tenant the collectivité
     * @param from the first month, included
     * @param to the last month, included
     * @return the CSV text
     */
    public String csv(StatisticsSource source, org.opengru.core.tenancy.TenantId tenant, YearMonth from, YearMonth to) {
        List<RequestFacts> facts = source.received(
                tenant,
                from.atDay(1).atStartOfDay(PARIS).toInstant(),
                to.plusMonths(1).atDay(1).atStartOfDay(PARIS).toInstant());
        return csv(rows(facts));
    }

    private static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
