package org.opengru.core.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * An association's number in the Répertoire national des associations: {@code W} followed by 9 digits.
 *
 * @param value {@code W} and nine digits
 */
public record RnaNumber(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("W[0-9]{9}");

    /**
     * Checks the number's form, upper-casing it.
     *
     * @param value {@code W} and nine digits
     * @throws ValidationException naming {@code rna} and the value, when it is not {@code W} and nine digits
     */
    public RnaNumber {
        Checks.required("rna", value);
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(upper).matches()) {
            throw new ValidationException("rna", value, "must be W followed by 9 digits");
        }
        value = upper;
    }

    /**
     * Reads an RNA number as typed (surrounding spaces ignored, {@code w} accepted).
     *
     * @param text the number
     * @return the number, upper case
     * @throws ValidationException naming {@code rna} and the value, when it is not {@code W} and nine digits
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RnaNumber parse(String text) {
        return new RnaNumber(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
