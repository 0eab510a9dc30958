package org.opengru.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.opengru.core.error.ValidationException;

/**
 * A territory: the commune, or one of its zones (quartier, secteur of a team). One or more polygons, each
 * an outer ring of positions (closing it is optional); holes are not supported. Containment is JTS's
 * (an invalid ring, such as a bow tie, is refused rather than giving odd answers); coordinates are
 * planar longitude/latitude, exact enough at the scale of a commune. A point on the edge counts as
 * inside. Immutable and thread-safe.
 */
public final class Area {

    private static final int MAX_POSITIONS = 50_000;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final List<List<GeoPoint>> rings;
    private final PreparedGeometry geometry;

    private Area(List<List<GeoPoint>> rings) {
        Objects.requireNonNull(rings, "rings");
        if (rings.isEmpty()) {
            throw new ValidationException("area", rings, "must have at least one polygon");
        }
        int total = 0;
        List<List<GeoPoint>> copy = new ArrayList<>();
        Polygon[] polygons = new Polygon[rings.size()];
        for (int i = 0; i < rings.size(); i++) {
            List<GeoPoint> ring = List.copyOf(rings.get(i));
            total += ring.size();
            if (ring.stream().distinct().count() < 3) {
                throw new ValidationException(
                        "area.polygons[" + i + "]", ring.size(), "a ring needs 3 distinct positions");
            }
            List<Coordinate> cs = new ArrayList<>();
            ring.forEach(p -> cs.add(new Coordinate(p.lon(), p.lat())));
            if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
                cs.add(cs.get(0));
            }
            polygons[i] = FACTORY.createPolygon(cs.toArray(Coordinate[]::new));
            if (!polygons[i].isValid()) {
                throw new ValidationException("area.polygons[" + i + "]", ring.size(), "is not a simple ring");
            }
            copy.add(ring);
        }
        if (total > MAX_POSITIONS) {
            throw new ValidationException("area", total, "must hold at most " + MAX_POSITIONS + " positions");
        }
        this.rings = List.copyOf(copy);
        Geometry g = polygons.length == 1 ? polygons[0] : FACTORY.createMultiPolygon(polygons);
        this.geometry = PreparedGeometryFactory.prepare(g);
    }

    /**
     * One polygon.
     *
     * @param ring the outer ring, at least three distinct positions
     * @return the area
     * @throws org.opengru.core.error.ValidationException naming the ring when it is invalid (too few points,
     *     self-crossing)
     */
    public static Area polygon(List<GeoPoint> ring) {
        return new Area(List.of(ring));
    }

    /**
     * Several polygons (a commune in several parts).
     *
     * @param rings the outer rings, one per part
     * @return the area
     * @throws org.opengru.core.error.ValidationException naming the invalid ring
     */
    public static Area of(List<List<GeoPoint>> rings) {
        return new Area(rings);
    }

    /**
     * Whether the point lies within the area or on its edge.
     *
     * @param p the point
     * @return {@code true} when inside or on the edge
     */
    public boolean contains(GeoPoint p) {
        return geometry.covers(FACTORY.createPoint(new Coordinate(p.lon(), p.lat())));
    }

    /**
     * The rings as given, for a map or GeoJSON.
     *
     * @return the rings, unmodifiable
     */
    public List<List<GeoPoint>> rings() {
        return rings;
    }
}
