package org.opengru.reports.opendata;

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
import org.opengru.core.error.ValidationException;
import org.opengru.core.tenancy.TenantId;
import org.opengru.reports.GeoPoint;
import org.opengru.reports.Report;
import org.opengru.reports.ReportService;
import org.opengru.reports.ReportSettings;
import org.opengru.reports.ReportStatus;
import org.opengru.reports.Zone;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The resolved signalements of a month as open data: one row per category and zone, with how many were
 * resolved and the median number of days from receipt to resolution. Built from those fields only, so
 * that no description, address, photo, reporter nor exact point can reach it; the zone's outline (public
 * municipal data) stands for the place in GeoJSON.
 *
 * <p>Counts below {@code minimumCount} (but above zero) are left empty with their median, as gru-core's
 * {@link org.opengru.core.stats.OpenDataStatistics} does for the secret statistique. A row has one count
 * and the export no total, so no sum lets a hidden count be recomputed (a host publishing totals beside
 * it must suppress them too).
 *
 * <pre>{@code
 * month,category,zone,resolved,median_days_to_resolve
 * 2026-03,depot-sauvage,centre,12,2.5
 * 2026-03,eclairage,nord,,
 * }</pre>
 */
public final class ReportsOpenData {

    /** The CSV's header line. */
    public static final String HEADER = "month,category,zone,resolved,median_days_to_resolve";

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int minimumCount;

    /**
     * An export that leaves counts below {@code minimumCount} empty.
     *
     * @param minimumCount the smallest count published (0 publishes every count)
     * @throws org.opengru.core.error.ValidationException naming {@code minimumCount} when it is negative
     */
    public ReportsOpenData(int minimumCount) {
        if (minimumCount < 0) {
            throw new ValidationException("minimumCount", minimumCount, "must be 0 or more");
        }
        this.minimumCount = minimumCount;
    }

    /**
     * One month's row for a category in a zone.
     *
     * @param zone the zone's id, {@code null} for reports outside every zone
     * @param medianDays from receipt to resolution
     * @param month the month of resolution
     * @param category the category's code
     * @param resolved how many were resolved
     */
    public record Row(
            YearMonth month, String category, @Nullable String zone, int resolved, double medianDays) {}

    private record Key(YearMonth month, String category, String zone) {}

    /**
     * The rows of the resolved reports given, by month of resolution, category and zone.
     *
     * @param reports reports of the commune (other statuses are skipped)
     * @return the rows, by month, category and zone
     */
    public List<Row> rows(List<Report> reports) {
        Map<Key, List<Double>> groups = new TreeMap<>(
                Comparator.comparing(Key::month).thenComparing(Key::category).thenComparing(Key::zone));
        for (Report r : reports) {
            if (r.status() != ReportStatus.RESOLVED || r.resolvedAt() == null) {
                continue;
            }
            YearMonth month = YearMonth.from(r.resolvedAt().atZone(PARIS));
            double days = Duration.between(r.receivedAt() != null ? r.receivedAt() : r.createdAt(), r.resolvedAt())
                            .toMinutes()
                    / 1440.0;
            groups.computeIfAbsent(
                            new Key(month, r.category(), r.zone() == null ? "" : r.zone()), k -> new ArrayList<>())
                    .add(days);
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((k, days) -> rows.add(
                new Row(k.month(), k.category(), k.zone().isEmpty() ? null : k.zone(), days.size(), median(days))));
        return rows;
    }

    /**
     * The month's resolved reports of the commune, read through the service.
     *
     * @param service the report service
     * @param tenant the collectivité
     * @param month the month, in Paris time
     * @return the rows
     */
    public List<Row> rows(ReportService service, TenantId tenant, YearMonth month) {
        return rows(service.resolvedBetween(
                tenant,
                month.atDay(1).atStartOfDay(PARIS).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(PARIS).toInstant()));
    }

    /**
     * RFC 4180, comma, UTF-8, header line, CRLF.
     *
     * @param rows the rows
     * @return the CSV text
     */
    public String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (Row r : rows) {
            boolean hidden = hidden(r);
            sb.append(r.month())
                    .append(',')
                    .append(r.category())
                    .append(',')
                    .append(r.zone() == null ? "" : r.zone())
                    .append(',')
                    .append(hidden ? "" : Integer.toString(r.resolved()))
                    .append(',')
                    .append(hidden ? "" : String.format(Locale.ROOT, "%.1f", r.medianDays()))
                    .append("\r\n");
        }
        return sb.toString();
    }

    /**
     * A GeoJSON FeatureCollection (RFC 7946): one feature per row, its geometry the zone's outline
     * ({@code null} outside every zone), its properties the CSV's columns ({@code null} when suppressed).
     *
     * @param rows the rows
     * @param settings the commune's settings, for the zones' outlines
     * @return a GeoJSON FeatureCollection, one feature per row
     */
    public String geoJson(List<Row> rows, ReportSettings settings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (Row r : rows) {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            Zone zone = settings.zone(r.zone()).orElse(null);
            if (zone == null) {
                f.putNull("geometry");
            } else {
                f.set("geometry", geometry(zone));
            }
            ObjectNode p = f.putObject("properties");
            p.put("month", r.month().toString());
            p.put("category", r.category());
            if (zone == null) {
                p.putNull("zone");
            } else {
                p.put("zone", zone.id());
                p.put("zone_name", zone.name());
            }
            if (hidden(r)) {
                p.putNull("resolved");
                p.putNull("median_days_to_resolve");
            } else {
                p.put("resolved", r.resolved());
                p.put("median_days_to_resolve", Math.round(r.medianDays() * 10) / 10.0);
            }
        }
        return JSON.writeValueAsString(root);
    }

    private static ObjectNode geometry(Zone zone) {
        ObjectNode g = JSON.createObjectNode();
        List<List<GeoPoint>> rings = zone.area().rings();
        g.put("type", rings.size() == 1 ? "Polygon" : "MultiPolygon");
        ArrayNode coordinates = g.putArray("coordinates");
        for (List<GeoPoint> ring : rings) {
            ArrayNode polygon = rings.size() == 1 ? coordinates : coordinates.addArray();
            ArrayNode positions = polygon.addArray();
            for (GeoPoint p : ring) {
                positions.addArray().add(p.lon()).add(p.lat());
            }
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                positions.addArray().add(ring.get(0).lon()).add(ring.get(0).lat()); // GeoJSON rings are closed
            }
        }
        return g;
    }

    private boolean hidden(Row r) {
        return r.resolved() > 0 && r.resolved() < minimumCount;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
