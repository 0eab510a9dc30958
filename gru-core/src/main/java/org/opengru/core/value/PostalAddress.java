package org.opengru.core.value;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * A postal address following the French postal norm (NF Z10-011): up to four address lines of at most 38
 * characters (recipient complement, building, number and street, lieu-dit), the postal code, the city
 * and the ISO 3166-1 alpha-2 country ({@code FR} by default). A French postal code has 5 digits.
 *
 * @param lines one to four lines of at most 38 characters
 * @param postalCode five digits in France, up to 16 characters elsewhere
 * @param city the city (commune or locality), at most 38 characters
 * @param country the ISO 3166-1 alpha-2 code, upper case
 */
public record PostalAddress(List<String> lines, String postalCode, String city, String country) {

    private static final Pattern FR_POSTAL_CODE = Pattern.compile("[0-9]{5}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /**
     * Checks each part against the postal norm.
     *
     * @param lines one to four lines of at most 38 characters
     * @param postalCode five digits in France, up to 16 characters elsewhere
     * @param city the city (commune or locality), at most 38 characters
     * @param country the ISO 3166-1 alpha-2 code, upper case
     * @throws ValidationException naming the part ({@code address.lines}, {@code address.postalCode}, ...) and the
     *     value
     */
    public PostalAddress {
        Checks.required("address.lines", lines);
        if (lines.isEmpty() || lines.size() > 4) {
            throw new ValidationException("address.lines", lines, "must have 1 to 4 lines");
        }
        lines = lines.stream().map(l -> Checks.text("address.lines", l, 38)).toList();
        country = Checks.matches(
                "address.country",
                country == null ? null : country.toUpperCase(Locale.ROOT),
                COUNTRY,
                "an ISO 3166-1 alpha-2 code");
        postalCode = Checks.text("address.postalCode", postalCode, 16);
        if (country.equals("FR") && !FR_POSTAL_CODE.matcher(postalCode).matches()) {
            throw new ValidationException("address.postalCode", postalCode, "must be 5 digits");
        }
        city = Checks.text("address.city", city, 38);
    }

    /**
     * An address in France.
     *
     * @param lines one to four lines of at most 38 characters
     * @param postalCode five digits
     * @param city the city
     * @return the address, country {@code FR}
     * @throws ValidationException naming the part and the value, for a line too long or a postal code not of 5 digits
     */
    public static PostalAddress france(List<String> lines, String postalCode, String city) {
        return new PostalAddress(lines, postalCode, city, "FR");
    }

    /**
     * The address as printed on an envelope, one line each, the city in capitals.
     *
     * @return the lines, then postal code and city, then the country's French name outside France
     */
    public List<String> printLines() {
        var out = new java.util.ArrayList<>(lines);
        out.add(postalCode + " " + city.toUpperCase(Locale.FRANCE));
        if (!country.equals("FR")) {
            out.add(new Locale("", country).getDisplayCountry(Locale.FRANCE).toUpperCase(Locale.FRANCE));
        }
        return List.copyOf(out);
    }
}
