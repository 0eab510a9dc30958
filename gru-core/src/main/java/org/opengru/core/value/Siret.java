package org.opengru.core.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * A SIRET: an establishment's 14 digits, its company's SIREN followed by a 5-digit NIC, checked with
 * Luhn. La Poste (SIREN 356000000) has more establishments than the Luhn rule leaves room for: its
 * SIRETs are also valid when the sum of their digits is a multiple of 5 (INSEE's documented exception).
 * Its head office, 356 000 000 00048, passes Luhn but not the sum rule, hence "Luhn or sum".
 *
 * @param value the fourteen digits
 */
public record Siret(@JsonValue String value) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{14}");

    /**
     * Checks fourteen digits and the key (Luhn, or La Poste's sum rule), dropping spaces.
     *
     * @param value the fourteen digits
     * @throws ValidationException naming {@code siret} and the value, for a wrong length or key
     */
    public Siret {
        Checks.required("siret", value);
        String compact = Luhn.compact(value);
        if (!DIGITS.matcher(compact).matches()) {
            throw new ValidationException("siret", value, "must be 14 digits");
        }
        if (!isValid(compact)) {
            throw new ValidationException(
                    "siret",
                    value,
                    compact.startsWith(Siren.LA_POSTE)
                            ? "is a La Poste SIRET whose digits do not sum to a multiple of 5"
                            : "fails the Luhn check");
        }
        value = compact;
    }

    /**
     * Reads a SIRET as typed or printed ({@code 356 000 000 00048}).
     *
     * @param text the number
     * @return the fourteen digits
     * @throws ValidationException naming {@code siret} and the value, for a wrong length or key
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Siret parse(String text) {
        return new Siret(text);
    }

    /** Whether 14 digits form a valid SIRET (Luhn, or La Poste's rule). */
    static boolean isValid(String digits) {
        if (Luhn.valid(digits)) {
            return true;
        }
        if (digits.startsWith(Siren.LA_POSTE)) {
            int sum = 0;
            for (int i = 0; i < digits.length(); i++) {
                sum += digits.charAt(i) - '0';
            }
            return sum % 5 == 0;
        }
        return false;
    }

    /**
     * The company's SIREN (the first nine digits).
     *
     * @return the SIREN of the company the establishment belongs to
     */
    public Siren siren() {
        return new Siren(value.substring(0, 9));
    }

    /**
     * The establishment's NIC (the last five digits).
     *
     * @return the five digits numbering the establishment within its company
     */
    public String nic() {
        return value.substring(9);
    }

    @Override
    public String toString() {
        return value;
    }
}
