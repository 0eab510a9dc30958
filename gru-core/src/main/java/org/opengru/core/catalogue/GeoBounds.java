package org.opengru.core.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * Where a {@link FieldType#GEO_POINT} may lie, usually the territory of the commune: either a bounding box
 * ({@code box: {south, west, north, east}}) or one or more polygons, each a ring of {@code [lon, lat]}
 * positions as in GeoJSON (a commune in several parts has several). Coordinates are WGS84 decimal degrees.
 * Holes are not supported; a point on an edge counts as inside.
 *
 * @param box the bounding box, or {@code null} with polygons
 * @param polygons the polygons, or {@code null} with a box
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GeoBounds(@Nullable Box box, @Nullable List<Polygon> polygons) {

    private static final int MAX_POSITIONS = 20_000;

    /**
     * Checks that exactly one of box and polygons is given, and the polygons' size.
     *
     * @param box the bounding box, or {@code null} with polygons
     * @param polygons the polygons, or {@code null} with a box
     * @throws org.opengru.core.error.ValidationException naming {@code bounds} or {@code bounds.polygons}
     */
    public GeoBounds {
        Checks.check(
                (box == null) != (polygons == null || polygons.isEmpty()),
                "bounds",
                box != null ? box : polygons,
                "must give either a box or polygons");
        polygons = polygons == null || polygons.isEmpty() ? null : List.copyOf(polygons);
        if (polygons != null) {
            int total = polygons.stream().mapToInt(p -> p.ring().size()).sum();
            Checks.check(total <= MAX_POSITIONS, "bounds.polygons", total, "must hold at most 20000 positions");
        }
    }

    /**
     * Bounds as a box.
     *
     * @param south the southern latitude
     * @param west the western longitude
     * @param north the northern latitude
     * @param east the eastern longitude
     * @return the bounds
     * @throws org.opengru.core.error.ValidationException naming the coordinate out of range or in the wrong order
     */
    public static GeoBounds box(double south, double west, double north, double east) {
        return new GeoBounds(new Box(south, west, north, east), null);
    }

    /**
     * Bounds as one polygon.
     *
     * @param ring the polygon's positions
     * @return the bounds
     * @throws org.opengru.core.error.ValidationException naming {@code bounds.polygon} when the ring has fewer than
     *     three distinct positions
     */
    public static GeoBounds polygon(List<Position> ring) {
        return new GeoBounds(null, List.of(new Polygon(ring)));
    }

    /**
     * Whether the point lies within (or on the edge of) the box or one of the polygons.
     *
     * @param lat the point's latitude
     * @param lon the point's longitude
     * @return {@code true} when inside
     */
    public boolean contains(double lat, double lon) {
        if (box != null) {
            return lat >= box.south() && lat <= box.north() && lon >= box.west() && lon <= box.east();
        }
        return polygons != null && polygons.stream().anyMatch(p -> p.contains(lat, lon));
    }

    /**
     * A box; it may not cross the antimeridian (west ≤ east).
     *
     * @param south the southern latitude
     * @param west the western longitude
     * @param north the northern latitude, not south of {@code south}
     * @param east the eastern longitude, not west of {@code west}
     */
    public record Box(double south, double west, double north, double east) {
        /**
         * Checks each coordinate and their order.
         *
         * @param south the southern latitude
         * @param west the western longitude
         * @param north the northern latitude, not south of {@code south}
         * @param east the eastern longitude, not west of {@code west}
         * @throws org.opengru.core.error.ValidationException naming the coordinate
         */
        public Box {
            latitude("bounds.box.south", south);
            latitude("bounds.box.north", north);
            longitude("bounds.box.west", west);
            longitude("bounds.box.east", east);
            Checks.check(south <= north, "bounds.box.north", north, () -> "must not be below south " + south);
            Checks.check(west <= east, "bounds.box.east", east, () -> "must not be west of west " + west);
        }
    }

    /**
     * A ring of at least three distinct positions; closing it (repeating the first) is optional.
     *
     * @param ring the positions
     */
    public record Polygon(@JsonValue List<Position> ring) {
        /**
         * Checks the ring's size and positions.
         *
         * @param ring the positions
         * @throws org.opengru.core.error.ValidationException naming {@code bounds.polygon}
         */
        public Polygon {
            ring = List.copyOf(Checks.required("bounds.polygons", ring));
            Checks.check(
                    new HashSet<>(ring).size() >= 3,
                    "bounds.polygons",
                    ring.size(),
                    "a ring needs 3 distinct positions");
        }

        /**
         * A polygon from its GeoJSON ring.
         *
         * @param ring the positions
         * @return the polygon
         */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Polygon of(List<Position> ring) {
            return new Polygon(ring);
        }

        /** Ray casting, planar: fine at the scale of a commune. */
        boolean contains(double lat, double lon) {
            boolean inside = false;
            int n = ring.size();
            for (int i = 0, j = n - 1; i < n; j = i++) {
                Position a = ring.get(i);
                Position b = ring.get(j);
                if (onSegment(a, b, lat, lon)) {
                    return true;
                }
                if ((a.lat() > lat) != (b.lat() > lat)
                        && lon < (b.lon() - a.lon()) * (lat - a.lat()) / (b.lat() - a.lat()) + a.lon()) {
                    inside = !inside;
                }
            }
            return inside;
        }

        private static boolean onSegment(Position a, Position b, double lat, double lon) {
            double cross = (b.lon() - a.lon()) * (lat - a.lat()) - (b.lat() - a.lat()) * (lon - a.lon());
            return Math.abs(cross) < 1e-12
                    && lon >= Math.min(a.lon(), b.lon())
                    && lon <= Math.max(a.lon(), b.lon())
                    && lat >= Math.min(a.lat(), b.lat())
                    && lat <= Math.max(a.lat(), b.lat());
        }
    }

    /**
     * A position, written {@code [lon, lat]} as in GeoJSON.
     *
     * @param lon the longitude
     * @param lat the latitude
     */
    public record Position(double lon, double lat) {
        /**
         * Checks the coordinates' ranges.
         *
         * @param lon the longitude
         * @param lat the latitude
         * @throws org.opengru.core.error.ValidationException naming {@code bounds.lon} or {@code bounds.lat}
         */
        public Position {
            longitude("bounds.lon", lon);
            latitude("bounds.lat", lat);
        }

        /**
         * A position from its GeoJSON form.
         *
         * @param lonLat longitude then latitude
         * @return the position
         * @throws org.opengru.core.error.ValidationException naming {@code bounds.position} when it is not two numbers
         */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Position of(List<Double> lonLat) {
            if (lonLat == null || lonLat.size() != 2 || lonLat.contains(null)) {
                throw new ValidationException("bounds.position", lonLat, "must be [lon, lat]");
            }
            return new Position(lonLat.get(0), lonLat.get(1));
        }

        /**
         * The GeoJSON form.
         *
         * @return longitude then latitude
         */
        @JsonValue
        public List<Double> lonLat() {
            return List.of(lon, lat);
        }
    }

    static void latitude(String field, double lat) {
        Checks.check(lat >= -90 && lat <= 90, field, lat, "must be a latitude between -90 and 90");
    }

    static void longitude(String field, double lon) {
        Checks.check(lon >= -180 && lon <= 180, field, lon, "must be a longitude between -180 and 180");
    }
}
