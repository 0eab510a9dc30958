package org.opengru.reports;

/**
 * A position in WGS84 decimal degrees, as GPS and the Base Adresse Nationale give it.
 *
 * @param lat the latitude, from -90 to 90
 * @param lon the longitude, from -180 to 180
 */
public record GeoPoint(double lat, double lon) {

    /** The mean Earth radius (IUGG), in metres. */
    private static final double EARTH_RADIUS = 6_371_008.8;

    /**
     * Checks that both coordinates are finite and in range.
     *
     * @param lat the latitude, from -90 to 90
     * @param lon the longitude, from -180 to 180
     * @throws org.opengru.core.error.ValidationException naming {@code location.lat} or {@code location.lon} and the
     *     value
     */
    public GeoPoint {
        if (!(lat >= -90 && lat <= 90)) {
            throw ReportRefusal.LOCATION_INVALID.refuse("location.lat", lat, "must be a latitude between -90 and 90");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw ReportRefusal.LOCATION_INVALID.refuse(
                    "location.lon", lon, "must be a longitude between -180 and 180");
        }
    }

    /**
     * The great-circle distance to another point, in metres (haversine: exact enough within a commune).
     *
     * @param other the other point
     * @return the distance in metres
     */
    public double distanceMetres(GeoPoint other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat))
                        * Math.cos(Math.toRadians(other.lat))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
