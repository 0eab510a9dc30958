package org.opengru.core.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opengru.core.internal.Checks;

/**
 * An INSEE code officiel géographique: a commune ({@code 75056}, Corsica {@code 2A004}, overseas {@code
 * 97411}) or, when it starts with {@code 99}, a foreign country ({@code 99134} Spain). FranceConnect gives
 * birth places in this form.
 *
 * @param value the five characters, upper case ({@code 2A}, {@code 2B} for Corsica)
 */
public record CogCode(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("(?:[0-9]{2}|2A|2B)[0-9]{3}");

    /** The code FranceConnect and INSEE use for France as a birth country. */
    public static final CogCode FRANCE = new CogCode("99100");

    /**
     * Checks the code's form (two digits or {@code 2A}/{@code 2B}, then three digits), upper-casing it.
     *
     * @param value the five characters, upper case ({@code 2A}, {@code 2B} for Corsica)
     * @throws org.opengru.core.error.ValidationException naming {@code cog} and the value, when it is not such a code
     */
    public CogCode {
        Checks.required("cog", value);
        value = Checks.matches("cog", value.strip().toUpperCase(Locale.ROOT), FORMAT, "a 5-character INSEE COG code");
    }

    /**
     * Reads a COG code as typed or as received from FranceConnect.
     *
     * @param text five characters, surrounding spaces ignored
     * @return the code, upper case
     * @throws org.opengru.core.error.ValidationException naming {@code cog} and the value, when it is not such a code
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CogCode parse(String text) {
        return new CogCode(text);
    }

    /**
     * Whether this is a country code (99xxx) rather than a commune.
     *
     * @return {@code true} for a foreign country's code
     */
    public boolean isCountry() {
        return value.startsWith("99");
    }

    @Override
    public String toString() {
        return value;
    }
}
