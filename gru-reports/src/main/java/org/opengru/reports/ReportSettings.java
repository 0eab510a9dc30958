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
     * Starts a commune's settings.
     *
     * @param commune the commune's territory: a point outside it is refused
     * @param defaultTeam the team of reports no {@link RoutingRule} matches
     * @param tenant the collectivité
     * @return the builder, anonymous reports refused and default limits
     */
    public static Builder builder(TenantId tenant, Area commune, TeamId defaultTeam) {
        return new Builder(tenant, commune, defaultTeam);
    }

    /**
     * The collectivité.
     *
     * @return its id
     */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * The commune's territory.
     *
     * @return the area a report must lie in
     */
    public Area commune() {
        return commune;
    }

    /**
     * Looks up a category.
     *
     * @param code the category's code
     * @return the category, or empty when the commune does not take it
     */
    public Optional<ReportCategory> category(String code) {
        return Optional.ofNullable(categories.get(code));
    }

    /**
     * The categories, in the order given.
     *
     * @return the categories
     */
    public List<ReportCategory> categories() {
        return categories.values().stream()
                .sorted(Comparator.comparing(ReportCategory::code))
                .toList();
    }

    /**
     * Looks up a zone.
     *
     * @param id the zone's id, or {@code null}
     * @return the zone, or empty
     */
    public Optional<Zone> zone(@Nullable String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(zones.get(id));
    }

    /**
     * The zones, in the order given.
     *
     * @return the zones
     */
    public List<Zone> zones() {
        return zones.values().stream().sorted(Comparator.comparing(Zone::id)).toList();
    }

    /**
     * The zone the point lies in (the first by id when zones overlap).
     *
     * @param p the point
     * @return the zone, or empty when the point lies in none
     */
    public Optional<Zone> zoneOf(GeoPoint p) {
        return zones().stream().filter(z -> z.area().contains(p)).findFirst();
    }

    /**
     * The team in charge of a category in a zone: the most specific matching rule, else the default.
     *
     * @param category the category's code
     * @param zone the zone's id, or {@code null}
     * @return the team
     */
    public TeamId route(String category, @Nullable String zone) {
        for (RoutingRule r : routing) {
            if (r.matches(category, zone)) {
                return r.team();
            }
        }
        return defaultTeam;
    }

    /**
     * Whether residents may report without an account (followed by a verified e-mail).
     *
     * @return {@code true} when allowed
     */
    public boolean anonymousAllowed() {
        return anonymousAllowed;
    }

    /**
     * How far an open report of the same category is proposed as the same problem.
     *
     * @return the radius in metres
     */
    public double duplicateRadiusMetres() {
        return duplicateRadiusMetres;
    }

    /**
     * How long the e-mail verification link of an anonymous reporter works.
     *
     * @return the validity
     */
    public Duration verificationValidity() {
        return verificationValidity;
    }

    /**
     * The most photos a report may have.
     *
     * @return from 0 to 10
     */
    public int maxPhotos() {
        return maxPhotos;
    }

    /**
     * The longest description, in characters.
     *
     * @return from 20 to 10,000
     */
    public int maxDescription() {
        return maxDescription;
    }

    /**
     * How long a resolved or rejected report keeps its personal data (then it is anonymised).
     *
     * @return the time after closing
     */
    public Duration keptAfterClosing() {
        return keptAfterClosing;
    }

    /** A builder whose setters refuse a bad value at once, naming it. */
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

        /**
         * Adds a category.
         *
         * @param code a lower-case slug
         * @param label what the resident reads
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code reports.categories} when the code is listed
         *     twice
         */
        public Builder category(String code, String label) {
            ReportCategory c = new ReportCategory(code, label);
            if (categories.putIfAbsent(code, c) != null) {
                throw new ValidationException("reports.categories", code, "is listed twice");
            }
            return this;
        }

        /**
         * Adds a zone.
         *
         * @param zone the zone
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code reports.zones} when its id is listed twice
         */
        public Builder zone(Zone zone) {
            if (zones.putIfAbsent(zone.id(), zone) != null) {
                throw new ValidationException("reports.zones", zone.id(), "is listed twice");
            }
            return this;
        }

        /**
         * Routes a category (null: any) in a zone (null: any) to a team; both must be known already.
         *
         * @param category the category's code, or {@code null} for any
         * @param zone the zone's id, or {@code null} for any
         * @param team the team
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code reports.routing...} for an unknown category
         *     or zone, or a pair routed twice
         */
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

        /**
         * Whether residents may report without an account ({@code false} unless set).
         *
         * @param allowed {@code true} to allow
         * @return this builder
         */
        public Builder anonymousAllowed(boolean allowed) {
            this.anonymousAllowed = allowed;
            return this;
        }

        /**
         * How far an open report of the same category is proposed as the same problem (50 m unless set).
         *
         * @param metres above 0, at most 1000
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code reports.duplicateRadiusMetres} and the value
         */
        public Builder duplicateRadiusMetres(double metres) {
            if (!(metres > 0 && metres <= 1000)) {
                throw new ValidationException("reports.duplicateRadiusMetres", metres, "must be in (0, 1000]");
            }
            this.duplicateRadiusMetres = metres;
            return this;
        }

        /**
         * How long an anonymous reporter's verification link works (24 hours unless set).
         *
         * @param validity from 5 minutes to 7 days
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code reports.verificationValidity} and the value
         */
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

        /**
         * The most photos a report may have (3 unless set).
         *
         * @param max from 0 to 10
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code reports.maxPhotos} and the value
         */
        public Builder maxPhotos(int max) {
            if (max < 0 || max > 10) {
                throw new ValidationException("reports.maxPhotos", max, "must be between 0 and 10");
            }
            this.maxPhotos = max;
            return this;
        }

        /**
         * The longest description (2,000 characters unless set).
         *
         * @param max from 20 to 10,000
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code reports.maxDescription} and the value
         */
        public Builder maxDescription(int max) {
            if (max < 20 || max > 10_000) {
                throw new ValidationException("reports.maxDescription", max, "must be between 20 and 10000");
            }
            this.maxDescription = max;
            return this;
        }

        /**
         * How long a closed report keeps its personal data (365 days unless set).
         *
         * @param kept positive
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code reports.keptAfterClosing} and the value
         */
        public Builder keptAfterClosing(Duration kept) {
            if (kept == null || kept.isNegative() || kept.isZero()) {
                throw new ValidationException("reports.keptAfterClosing", kept, "must be positive");
            }
            this.keptAfterClosing = kept;
            return this;
        }

        /**
         * Makes the settings.
         *
         * @return the immutable settings
         */
        public ReportSettings build() {
            if (categories.isEmpty()) {
                throw new ValidationException("reports.categories", 0, "must list at least one category");
            }
            return new ReportSettings(this);
        }
    }
}
