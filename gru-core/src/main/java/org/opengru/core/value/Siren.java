package org.opengru.core.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * A SIREN: the 9-digit number of a company (entreprise) in the Sirene register, with a Luhn check digit.
 * Spaces are accepted on input and dropped.
 *
 * @param value the nine digits
 */
public record Siren(@JsonValue String value) {

    /** La Poste's SIREN, whose establishments do not follow the Luhn rule (see {@link Siret}). */
    public static final String LA_POSTE = "356000000";

    private static final Pattern DIGITS = Pattern.compile("[0-9]{9}");

    /**
     * Checks nine digits and the Luhn key, dropping spaces.
     *
     * @param value the nine digits
     * @throws ValidationException naming {@code siren} and the value, for a wrong length or key
     */
    public Siren {
        Checks.required("siren", value);
        String compact = Luhn.compact(value);
        if (!DIGITS.matcher(compact).matches()) {
            throw new ValidationException("siren", value, "must be 9 digits");
        }
        if (!Luhn.valid(compact)) {
            throw new ValidationException("siren", value, "fails the Luhn check");
        }
        value = compact;
    }

    /**
     * Reads a SIREN as typed or printed ({@code 356 000 000}).
     *
     * @param text the number
     * @return the nine digits
     * @throws ValidationException naming {@code siren} and the value, for a wrong length or key
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Siren parse(String text) {
        return new Siren(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
