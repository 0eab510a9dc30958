package org.opengru.core.catalogue.geocoding;

import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * One candidate address, as the Base Adresse Nationale describes it: its label ({@code 8 Boulevard du
 * Port 80000 Amiens}), house number and street when known, postcode, the INSEE code and name of its
 * commune, the score (0 to 1), the type ({@code housenumber}, {@code street}, {@code locality} or {@code
 * municipality}) and its position in WGS84 decimal degrees.
 *
 * @param label the full address as the service writes it
 * @param houseNumber the number in the street, or {@code null}
 * @param street the street, or {@code null}
 * @param postcode the postcode, or {@code null}
 * @param citycode the commune's INSEE code
 * @param city the commune's name
 * @param score how well it matches, from 0 to 1
 * @param type {@code housenumber}, {@code street}, {@code locality} or {@code municipality}
 * @param lat the latitude
 * @param lon the longitude
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

    /**
     * Checks the texts' lengths, the score's range and the coordinates.
     *
     * @param label the full address as the service writes it
     * @param houseNumber the number in the street, or {@code null}
     * @param street the street, or {@code null}
     * @param postcode the postcode, or {@code null}
     * @param citycode the commune's INSEE code
     * @param city the commune's name
     * @param score how well it matches, from 0 to 1
     * @param type the candidate's type
     * @param lat the latitude
     * @param lon the longitude
     * @throws org.opengru.core.error.ValidationException naming {@code geocoded.<part>} and the value
     */
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
