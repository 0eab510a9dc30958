package org.opengru.core.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * A phone number in E.164 form ({@code +33123456789}). Accepts French national numbers ({@code 01 23 45 67
 * 89}, with spaces, dots or dashes) and international ones ({@code +262 262 12 34 56}, {@code 0033...}).
 */
public record PhoneNumber(@JsonValue String value) {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()\u00a0]");
    private static final Pattern NATIONAL = Pattern.compile("0[1-9][0-9]{8}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    public PhoneNumber {
        Checks.required("phone", value);
        String compact = SEPARATORS.matcher(value).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (NATIONAL.matcher(compact).matches()) {
            compact = "+33" + compact.substring(1);
        } else if (compact.startsWith("+330")) {
            compact = "+33" + compact.substring(4);
        }
        if (!E164.matcher(compact).matches()) {
            throw new ValidationException(
                    "phone", value, "must be a phone number such as 01 23 45 67 89 or +33 1 23 45 67 89");
        }
        if (compact.startsWith("+33") && compact.length() != 12) {
            throw new ValidationException("phone", value, "a French number has 10 digits");
        }
        value = compact;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PhoneNumber parse(String text) {
        return new PhoneNumber(text);
    }

    /** French numbers in the national form with pairs ({@code 01 23 45 67 89}); others as stored. */
    public String display() {
        if (!value.startsWith("+33")) {
            return value;
        }
        String national = "0" + value.substring(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < national.length(); i += 2) {
            sb.append(i == 0 ? "" : " ").append(national, i, i + 2);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
