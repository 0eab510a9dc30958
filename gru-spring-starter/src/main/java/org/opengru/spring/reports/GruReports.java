package org.opengru.spring.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.tenancy.TenantId;
import org.opengru.reports.Area;
import org.opengru.reports.GeoPoint;
import org.opengru.reports.ReportSettings;
import org.opengru.reports.Zone;
import org.opengru.reports.opendata.ReportsOpenData;
import org.opengru.spring.GruProperties;
import org.opengru.spring.TenantProperties;

/**
 * The tenants' signalement settings ({@code gru.tenants.<id>.reports}, inheriting {@code gru.defaults.reports}),
 * checked once at start: a wrong value fails the start naming its property. Gives each tenant's {@link
 * ReportSettings} (for the service), its {@link MapView} (for the pages' map) and its open data.
 */
public final class GruReports {

    /**
     * What a page needs to draw a tenant's map: the tiles (none when {@code tileUrl} is null) and the commune.
     *
     * @param outline the commune's outline, to frame the map and draw its border
     */
    public record MapView(
            @Nullable String tileUrl, @Nullable String attribution, int maxZoom, List<GeoPoint> outline) {

        /** The middle of the commune's outline (the mean of its positions), where the map starts. */
        public GeoPoint centre() {
            double lat = outline.stream().mapToDouble(GeoPoint::lat).average().orElse(0);
            double lon = outline.stream().mapToDouble(GeoPoint::lon).average().orElse(0);
            return new GeoPoint(lat, lon);
        }
    }

    private record Tenant(ReportSettings settings, MapView map, ReportsOpenData openData) {}

    private final Map<TenantId, Tenant> tenants;

    private GruReports(Map<TenantId, Tenant> tenants) {
        this.tenants = Collections.unmodifiableMap(tenants);
    }

    /** The tenants with a {@code reports} block, checked. */
    public static GruReports of(GruProperties properties) {
        Map<TenantId, Tenant> out = new LinkedHashMap<>();
        for (String id : properties.tenantIds()) {
            TenantProperties.Reports reports = properties.tenant(id).reports();
            if (reports != null) {
                out.put(TenantId.of(id), resolve(id, reports));
            }
        }
        return new GruReports(out);
    }

    /** Every tenant's settings, in id order. */
    public List<ReportSettings> settings() {
        return tenants.values().stream().map(Tenant::settings).toList();
    }

    /** The tenants with signalements. */
    public List<TenantId> tenants() {
        return List.copyOf(tenants.keySet());
    }

    /** The tenant's map, or empty when it has no {@code reports} block. */
    public Optional<MapView> map(TenantId tenant) {
        return Optional.ofNullable(tenants.get(tenant)).map(Tenant::map);
    }

    /** The tenant's open data (its {@code open-data-minimum-count}), or empty without {@code reports}. */
    public Optional<ReportsOpenData> openData(TenantId tenant) {
        return Optional.ofNullable(tenants.get(tenant)).map(Tenant::openData);
    }

    private static Tenant resolve(String id, TenantProperties.Reports p) {
        String prefix = "gru.tenants." + id + ".reports.";
        TenantId tenant = TenantId.of(id);
        List<GeoPoint> outline = outline(prefix + "outline", p.outline());
        ReportSettings.Builder b;
        try {
            b = ReportSettings.builder(tenant, Area.polygon(outline), org.opengru.core.id.TeamId.of(p.defaultTeam()));
        } catch (RuntimeException e) {
            throw new InvalidReportSetupException(prefix + "outline", e);
        }
        step(prefix + "categories", () -> p.categories().forEach(b::category));
        p.zonesOrEmpty().forEach((zone, z) -> {
            List<GeoPoint> ring = outline(prefix + "zones." + zone + ".outline", z.outline());
            step(prefix + "zones." + zone, () -> b.zone(new Zone(zone, z.name(), Area.polygon(ring))));
        });
        List<TenantProperties.ReportRoute> routing = p.routingOrEmpty();
        for (int i = 0; i < routing.size(); i++) {
            TenantProperties.ReportRoute r = routing.get(i);
            step(
                    prefix + "routing[" + i + "]",
                    () -> b.route(
                            blankToNull(r.category()), blankToNull(r.zone()), org.opengru.core.id.TeamId.of(r.team())));
        }
        step(prefix + "duplicate-radius", () -> b.duplicateRadiusMetres(p.duplicateRadius()));
        step(prefix + "verification-validity", () -> b.verificationValidity(p.verificationValidity()));
        step(prefix + "max-photos", () -> b.maxPhotos(p.maxPhotos()));
        step(prefix + "max-description", () -> b.maxDescription(p.maxDescription()));
        step(prefix + "kept-after-closing", () -> b.keptAfterClosing(p.keptAfterClosing()));
        b.anonymousAllowed(p.anonymousAllowed());
        ReportSettings settings;
        try {
            settings = b.build();
        } catch (RuntimeException e) {
            throw new InvalidReportSetupException(prefix + "categories", e);
        }
        TenantProperties.ReportMap m = p.map();
        MapView map = new MapView(blankToNull(m.tileUrl()), blankToNull(m.attribution()), m.maxZoom(), outline);
        return new Tenant(settings, map, new ReportsOpenData(p.openDataMinimumCount()));
    }

    private static List<GeoPoint> outline(String property, List<String> positions) {
        List<GeoPoint> out = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            String[] parts = positions.get(i).strip().split("\\s+");
            try {
                out.add(new GeoPoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
            } catch (RuntimeException e) {
                throw new InvalidReportSetupException(property + "[" + i + "]", e);
            }
        }
        return out;
    }

    private static void step(String property, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            throw new InvalidReportSetupException(property, e);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A tenant's signalements that cannot be built from their properties: names the property. */
    public static final class InvalidReportSetupException extends IllegalStateException {
        InvalidReportSetupException(String property, RuntimeException cause) {
            super(property + ": " + cause.getMessage(), cause);
        }

        InvalidReportSetupException(String message) {
            super(message);
        }
    }
}
