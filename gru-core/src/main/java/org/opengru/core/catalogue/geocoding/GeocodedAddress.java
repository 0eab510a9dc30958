package org.opengru.core.catalogue.geocoding;

import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * One candidate address, as the Base Adresse Nationale describes it: its label ({@code 8 Boulevard du
 * Port 80000 Amiens}), house number and street when known, postcode, the INSEE code and name of its
 * commune, the score (0 to 1), the type ({@code housenumber}, {@code street}, {@code locality} or {@code
 * municipality}) and its position in WGS84 decimal degrees.
 */
public record GeocodedAddress(
        String label,
        @Nullable String houseNumber,
        @Nullable String street,
        @Nullable String postcode,
        String citycode,
        String city,
        double score,
        String type,
        double lat,
        double lon) {

    /** The type of a candidate that names only the commune. */
    public static final String MUNICIPALITY = "municipality";

    public GeocodedAddress {
        label = Checks.text("geocoded.label", label, 500);
        citycode = Checks.text("geocoded.citycode", citycode, 5);
        city = Checks.text("geocoded.city", city, 200);
        type = Checks.text("geocoded.type", type, 50);
        Checks.check(score >= 0 && score <= 1, "geocoded.score", score, "must be between 0 and 1");
        Checks.check(lat >= -90 && lat <= 90, "geocoded.lat", lat, "must be between -90 and 90");
        Checks.check(lon >= -180 && lon <= 180, "geocoded.lon", lon, "must be between -180 and 180");
    }
}
