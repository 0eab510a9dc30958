package org.opengru.core.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * An IBAN (ISO 13616), stored without spaces in upper case and checked with ISO 7064 mod 97-10. The
 * lengths of the SEPA countries a commune meets are checked too; other countries get the generic
 * 15-34 range.
 *
 * @param value the IBAN without spaces, upper case
 */
public record Iban(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("FR", 27),
            Map.entry("MC", 27),
            Map.entry("DE", 22),
            Map.entry("BE", 16),
            Map.entry("ES", 24),
            Map.entry("IT", 27),
            Map.entry("LU", 20),
            Map.entry("CH", 21),
            Map.entry("GB", 22),
            Map.entry("NL", 18),
            Map.entry("PT", 25),
            Map.entry("AT", 20),
            Map.entry("IE", 22),
            Map.entry("AD", 24));

    /**
     * Checks the IBAN's form, its country's length and its check digits, dropping spaces.
     *
     * @param value the IBAN without spaces, upper case
     * @throws org.opengru.core.error.ValidationException naming {@code iban} and the value, for a wrong form, length or
     *     check digit
     */
    public Iban {
        Checks.required("iban", value);
        String compact = value.replace(" ", "").replace("\u00a0", "").toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(compact).matches()) {
            throw new ValidationException(
                    "iban", value, "must be a country code, 2 check digits and 11-30 letters or digits");
        }
        Integer expected = LENGTHS.get(compact.substring(0, 2));
        if (expected != null && compact.length() != expected) {
            throw new ValidationException(
                    "iban", value, "must have " + expected + " characters for " + compact.substring(0, 2));
        }
        if (mod97(compact.substring(4) + compact.substring(0, 4)) != 1) {
            throw new ValidationException("iban", value, "fails the mod-97 check");
        }
        value = compact;
    }

    /**
     * Reads an IBAN as printed on a RIB (in groups of four or not).
     *
     * @param text the IBAN
     * @return the IBAN without spaces
     * @throws org.opengru.core.error.ValidationException naming {@code iban} and the value, for a wrong form, length or
     *     check digit
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Iban parse(String text) {
        return new Iban(text);
    }

    private static int mod97(String rearranged) {
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = v < 10 ? (remainder * 10 + v) % 97 : (remainder * 100 + v) % 97;
        }
        return remainder;
    }

    /**
     * The IBAN in groups of four, as printed.
     *
     * @return for example {@code FR76 3000 6000 0112 3456 7890 189}
     */
    public String formatted() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i += 4) {
            sb.append(i == 0 ? "" : " ").append(value, i, Math.min(i + 4, value.length()));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
