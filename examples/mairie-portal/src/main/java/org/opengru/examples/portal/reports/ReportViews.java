package org.opengru.examples.portal.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.reports.GeoPoint;
import org.opengru.reports.PublicReport;
import org.opengru.reports.Report;
import org.opengru.reports.ReportCategory;
import org.opengru.reports.ReportId;
import org.opengru.reports.ReportService;
import org.opengru.reports.ReportSettings;
import org.opengru.reports.ReportStatus;
import org.opengru.reports.Zone;
import org.opengru.spring.reports.GruReports;
import org.springframework.stereotype.Component;

/**
 * What the signalement pages show of the commune's settings and reports: labels, the map's settings, and
 * the reports as GeoJSON points for the map (built from the public view only on the public side).
 */
@Component("reportViews")
public class ReportViews {

    /** The most reports the public page and map list. */
    static final int PUBLIC_LIMIT = 500;

    private final ReportService service;
    private final GruReports reports;

    ReportViews(ReportService service, GruReports reports) {
        this.service = service;
        this.reports = reports;
    }

    ReportService service() {
        return service;
    }

    public ReportSettings settings() {
        return service.settings(Commune.TENANT);
    }

    public List<ReportCategory> categories() {
        return settings().categories();
    }

    public List<Zone> zones() {
        return settings().zones();
    }

    public String category(String code) {
        return settings().category(code).map(ReportCategory::label).orElse(code);
    }

    public String zone(@Nullable String id) {
        return settings().zone(id).map(Zone::name).orElse("hors quartier");
    }

    /** The name of the district a point lies in, for the photo's suggested place. */
    public String zoneOf(GeoPoint p) {
        return settings().zoneOf(p).map(Zone::name).orElse("hors quartier");
    }

    /** The statuses an agent can choose, in the order of the work. */
    public List<ReportStatus> statuses() {
        return List.of(ReportStatus.RECEIVED, ReportStatus.IN_PROGRESS, ReportStatus.RESOLVED, ReportStatus.REJECTED);
    }

    public String status(ReportStatus s) {
        String f = s.french();
        return Character.toUpperCase(f.charAt(0)) + f.substring(1);
    }

    public GruReports.MapView map() {
        return reports.map(Commune.TENANT).orElseThrow();
    }

    /** The commune's outline as {@code [[lat, lon], ...]}, for the map's data attribute. */
    public String outline() {
        StringBuilder sb = new StringBuilder("[");
        for (GeoPoint p : map().outline()) {
            sb.append(sb.length() > 1 ? "," : "")
                    .append('[')
                    .append(p.lat())
                    .append(',')
                    .append(p.lon())
                    .append(']');
        }
        return sb.append(']').toString();
    }

    /** An instant of the subject-access export ({@code createdAt}), as a French day. */
    public String day(Object isoInstant) {
        return DAY.format(java.time.Instant.parse(isoInstant.toString()).atZone(Commune.ZONE));
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH);

    /** A filed report as the public sees it, or empty (unknown, waiting for its e-mail, or rejected). */
    Optional<PublicReport> publicReport(ReportId id) {
        return service.publicReports(Commune.TENANT, PUBLIC_LIMIT).stream()
                .filter(r -> r.id().equals(id))
                .findFirst();
    }

    /** The public reports as a GeoJSON FeatureCollection: only the public view's fields. */
    static Map<String, Object> publicGeoJson(List<PublicReport> list) {
        List<Object> features = new ArrayList<>();
        for (PublicReport r : list) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("titre", r.categoryLabel());
            p.put("etat", r.statusLabel());
            p.put("ouvert", r.status().open());
            p.put("recu", r.receivedOn().toString());
            p.put("lien", "/signalements/" + r.id());
            features.add(feature(r.lat(), r.lon(), p));
        }
        return collection(features);
    }

    /** The agent's reports as GeoJSON, linking to their pages. */
    GeoJsonBuilder agentGeoJson() {
        return new GeoJsonBuilder();
    }

    final class GeoJsonBuilder {
        private final List<Object> features = new ArrayList<>();

        GeoJsonBuilder add(Report r) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("titre", category(r.category()));
            p.put("etat", status(r.status()));
            p.put("ouvert", r.status().open());
            p.put("lien", "/agent/signalements/" + r.id());
            features.add(feature(r.location().lat(), r.location().lon(), p));
            return this;
        }

        Map<String, Object> build() {
            return collection(features);
        }
    }

    private static Map<String, Object> feature(double lat, double lon, Map<String, Object> properties) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("geometry", Map.of("type", "Point", "coordinates", List.of(lon, lat)));
        f.put("properties", properties);
        return f;
    }

    private static Map<String, Object> collection(List<Object> features) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", "FeatureCollection");
        c.put("features", features);
        return c;
    }
}
