package org.opengru.reports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.TeamId;
import org.opengru.core.tenancy.TenantId;

/**
 * One commune's signalements: its territory, categories, zones and routing, whether reports without an
 * account are allowed, and the limits. Immutable; built with {@link #builder}, whose setters refuse a bad
 * value at once, naming it.
 */
public final class ReportSettings {

    private final TenantId tenant;
    private final Area commune;
    private final Map<String, ReportCategory> categories;
    private final Map<String, Zone> zones;
    private final List<RoutingRule> routing;
    private final TeamId defaultTeam;
    private final boolean anonymousAllowed;
    private final double duplicateRadiusMetres;
    private final Duration verificationValidity;
    private final int maxPhotos;
    private final int maxDescription;
    private final Duration keptAfterClosing;

    private ReportSettings(Builder b) {
        this.tenant = b.tenant;
        this.commune = b.commune;
        this.categories = Map.copyOf(b.categories);
        this.zones = Map.copyOf(b.zones);
        List<RoutingRule> rules = new ArrayList<>(b.routing);
        rules.sort(Comparator.comparingInt(RoutingRule::specificity).reversed());
        this.routing = List.copyOf(rules);
        this.defaultTeam = b.defaultTeam;
        this.anonymousAllowed = b.anonymousAllowed;
        this.duplicateRadiusMetres = b.duplicateRadiusMetres;
        this.verificationValidity = b.verificationValidity;
        this.maxPhotos = b.maxPhotos;
        this.maxDescription = b.maxDescription;
        this.keptAfterClosing = b.keptAfterClosing;
    }

    /**
     * @param commune the commune's territory: a point outside it is refused
     * @param defaultTeam the team of reports no {@link RoutingRule} matches
     */
    public static Builder builder(TenantId tenant, Area commune, TeamId defaultTeam) {
        return new Builder(tenant, commune, defaultTeam);
    }

    public TenantId tenant() {
        return tenant;
    }

    public Area commune() {
        return commune;
    }

    public Optional<ReportCategory> category(String code) {
        return Optional.ofNullable(categories.get(code));
    }

    public List<ReportCategory> categories() {
        return categories.values().stream()
                .sorted(Comparator.comparing(ReportCategory::code))
                .toList();
    }

    public Optional<Zone> zone(@Nullable String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(zones.get(id));
    }

    public List<Zone> zones() {
        return zones.values().stream().sorted(Comparator.comparing(Zone::id)).toList();
    }

    /** The zone the point lies in (the first by id when zones overlap). */
    public Optional<Zone> zoneOf(GeoPoint p) {
        return zones().stream().filter(z -> z.area().contains(p)).findFirst();
    }

    /** The team in charge of a category in a zone: the most specific matching rule, else the default. */
    public TeamId route(String category, @Nullable String zone) {
        for (RoutingRule r : routing) {
            if (r.matches(category, zone)) {
                return r.team();
            }
        }
        return defaultTeam;
    }

    public boolean anonymousAllowed() {
        return anonymousAllowed;
    }

    /** How far an open report of the same category is proposed as the same problem. */
    public double duplicateRadiusMetres() {
        return duplicateRadiusMetres;
    }

    /** How long the e-mail verification link of an anonymous reporter works. */
    public Duration verificationValidity() {
        return verificationValidity;
    }

    public int maxPhotos() {
        return maxPhotos;
    }

    public int maxDescription() {
        return maxDescription;
    }

    /** How long a resolved or rejected report keeps its personal data (then it is anonymised). */
    public Duration keptAfterClosing() {
        return keptAfterClosing;
    }

    public static final class Builder {
        private final TenantId tenant;
        private final Area commune;
        private final TeamId defaultTeam;
        private final Map<String, ReportCategory> categories = new LinkedHashMap<>();
        private final Map<String, Zone> zones = new LinkedHashMap<>();
        private final List<RoutingRule> routing = new ArrayList<>();
        private boolean anonymousAllowed;
        private double duplicateRadiusMetres = 50;
        private Duration verificationValidity = Duration.ofHours(24);
        private int maxPhotos = 3;
        private int maxDescription = 2000;
        private Duration keptAfterClosing = Duration.ofDays(365);

        private Builder(TenantId tenant, Area commune, TeamId defaultTeam) {
            this.tenant = Objects.requireNonNull(tenant, "tenant");
            this.commune = Objects.requireNonNull(commune, "commune");
            this.defaultTeam = Objects.requireNonNull(defaultTeam, "defaultTeam");
        }

        public Builder category(String code, String label) {
            ReportCategory c = new ReportCategory(code, label);
            if (categories.putIfAbsent(code, c) != null) {
                throw new ValidationException("reports.categories", code, "is listed twice");
            }
            return this;
        }

        public Builder zone(Zone zone) {
            if (zones.putIfAbsent(zone.id(), zone) != null) {
                throw new ValidationException("reports.zones", zone.id(), "is listed twice");
            }
            return this;
        }

        /** Routes a category (null: any) in a zone (null: any) to a team; both must be known already. */
        public Builder route(@Nullable String category, @Nullable String zone, TeamId team) {
            if (category != null && !categories.containsKey(category)) {
                throw new ValidationException("reports.routing.category", category, "is not a category");
            }
            if (zone != null && !zones.containsKey(zone)) {
                throw new ValidationException("reports.routing.zone", zone, "is not a zone");
            }
            RoutingRule rule = new RoutingRule(category, zone, team);
            if (routing.stream()
                    .anyMatch(r -> Objects.equals(r.category(), category) && Objects.equals(r.zone(), zone))) {
                throw new ValidationException("reports.routing", category + "/" + zone, "is routed twice");
            }
            routing.add(rule);
            return this;
        }

        public Builder anonymousAllowed(boolean allowed) {
            this.anonymousAllowed = allowed;
            return this;
        }

        public Builder duplicateRadiusMetres(double metres) {
            if (!(metres > 0 && metres <= 1000)) {
                throw new ValidationException("reports.duplicateRadiusMetres", metres, "must be in (0, 1000]");
            }
            this.duplicateRadiusMetres = metres;
            return this;
        }

        public Builder verificationValidity(Duration validity) {
            if (validity == null
                    || validity.compareTo(Duration.ofMinutes(5)) < 0
                    || validity.compareTo(Duration.ofDays(7)) > 0) {
                throw new ValidationException(
                        "reports.verificationValidity", validity, "must be between 5 minutes and 7 days");
            }
            this.verificationValidity = validity;
            return this;
        }

        public Builder maxPhotos(int max) {
            if (max < 0 || max > 10) {
                throw new ValidationException("reports.maxPhotos", max, "must be between 0 and 10");
            }
            this.maxPhotos = max;
            return this;
        }

        public Builder maxDescription(int max) {
            if (max < 20 || max > 10_000) {
                throw new ValidationException("reports.maxDescription", max, "must be between 20 and 10000");
            }
            this.maxDescription = max;
            return this;
        }

        public Builder keptAfterClosing(Duration kept) {
            if (kept == null || kept.isNegative() || kept.isZero()) {
                throw new ValidationException("reports.keptAfterClosing", kept, "must be positive");
            }
            this.keptAfterClosing = kept;
            return this;
        }

        public ReportSettings build() {
            if (categories.isEmpty()) {
                throw new ValidationException("reports.categories", 0, "must list at least one category");
            }
            return new ReportSettings(this);
        }
    }
}
