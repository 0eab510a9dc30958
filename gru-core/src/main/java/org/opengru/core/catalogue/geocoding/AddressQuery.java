package org.opengru.core.catalogue.geocoding;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * A geocoding query: the free text of the address ({@code 8 bd du Port 80000 Amiens}), optionally the INSEE
 * code of the commune to search in, and how many candidates to return (1 to 20).
 *
 * @param text the address, spaces collapsed
 * @param citycode the INSEE code of the commune to search in, or {@code null}
 * @param limit how many candidates, 1 to 20
 */
public record AddressQuery(String text, @Nullable String citycode, int limit) {

    /** The Base Adresse Nationale takes 3 to 200 characters starting with a letter or a digit. */
    private static final int MAX_TEXT = 200;

    private static final Pattern CITYCODE = Pattern.compile("[0-9][0-9AB][0-9]{3}");

    /**
     * Collapses the text's spaces and drops what precedes its first letter or digit, then checks it, the commune code
     * and the limit.
     *
     * @param text the address, spaces collapsed
     * @param citycode the INSEE code of the commune to search in, or {@code null}
     * @param limit how many candidates, 1 to 20
     * @throws org.opengru.core.error.ValidationException naming {@code query.text} (fewer than 3 letters or digits; a
     *     longer text is cut to 200), {@code query.citycode} or {@code query.limit} and the value
     */
    public AddressQuery {
        Checks.required("query.text", text);
        text = text.replaceAll("\\s+", " ")
                .replaceFirst("^[^\\p{L}\\p{N}]+", "")
                .strip();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT).strip();
        }
        Checks.check(text.length() >= 3, "query.text", text, "must hold at least 3 letters or digits");
        if (citycode != null) {
            Checks.matches("query.citycode", citycode, CITYCODE, "a commune's 5-character INSEE code");
        }
        Checks.check(limit >= 1 && limit <= 20, "query.limit", limit, "must be between 1 and 20");
    }

    /**
     * A query on the whole country for the best few candidates.
     *
     * @param text the address
     * @return the query
     * @throws org.opengru.core.error.ValidationException naming {@code query.text} when it holds fewer than 3 letters
     *     or digits
     */
    public static AddressQuery of(String text) {
        return new AddressQuery(text, null, 5);
    }
}
