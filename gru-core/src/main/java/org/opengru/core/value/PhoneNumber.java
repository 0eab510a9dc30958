package org.opengru.core.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.List;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * A phone number in E.164 form ({@code +33123456789}), parsed and validated by libphonenumber against the
 * ITU numbering plans. A national number ({@code 01 23 45 67 89}, with spaces, dots or dashes) is read in
 * the commune's region ({@link #parse(String, String)}; France by default); international forms ({@code
 * +262 262 12 34 56}, {@code 0033...}) are read as written.
 *
 * <p>The overseas departments and collectivities share the French plan: a number dialled {@code 0692 12 34
 * 56} in mainland France reaches La Réunion, and its E.164 form is {@code +262692123456}, not {@code +33...}
 * (no SMS gateway reaches the latter). A national number that is not valid in the commune's region is
 * therefore read in the regions of the French plan (La Réunion, Mayotte, Guadeloupe, Martinique, Guyane,
 * Saint-Barthélemy, Saint-Martin, Saint-Pierre-et-Miquelon, then metropolitan France), and takes the
 * country code of the first where it is valid.
 *
 * @param value the number in E.164 form
 */
public record PhoneNumber(@JsonValue String value) {

    private static final PhoneNumberUtil PLANS = PhoneNumberUtil.getInstance();
    /** The regions of the French numbering plan (ARCEP), where a national number starts with one 0. */
    private static final List<String> FRENCH_PLAN = List.of("RE", "YT", "GP", "MQ", "GF", "BL", "MF", "PM", "FR");

    private static final String DEFAULT_REGION = "FR";

    /**
     * Reads a number in France's region (national forms) or as written (international forms), and keeps its E.164
     * form.
     *
     * @param value the number in E.164 form
     * @throws ValidationException naming {@code phone} and the value, when it is not a valid number
     */
    public PhoneNumber {
        value = e164(value, DEFAULT_REGION);
    }

    /**
     * Reads a number as a resident types it, national forms in France's region (overseas numbers included).
     *
     * @param text the number, with or without spaces, dots or dashes
     * @return the number in E.164 form
     * @throws ValidationException naming {@code phone} and the value, when it is not a valid number
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PhoneNumber parse(String text) {
        return new PhoneNumber(text);
    }

    /**
     * A number typed in the commune's region (ISO 3166 code such as {@code FR}, {@code RE}, {@code PF}):
     * national forms are read in that region.
     *
     * @throws ValidationException naming the field and the value, for an invalid number or region
     * @param text the number as typed
     * @param region the commune's ISO 3166 region code
     * @return the number in E.164 form
     */
    public static PhoneNumber parse(String text, String region) {
        return new PhoneNumber(e164(text, region));
    }

    private static String e164(String text, String region) {
        Checks.required("phone", text);
        if (region == null || !PLANS.getSupportedRegions().contains(region)) {
            throw new ValidationException("phone.region", region, "must be a region code such as FR or RE");
        }
        com.google.i18n.phonenumbers.Phonenumber.PhoneNumber number = read(text, region);
        if (FRENCH_PLAN.contains(region) && national(text)) {
            // Overseas ranges first: metropolitan France's plan also accepts 0262..., 0596..., 0508...
            // as if they were its own fixed lines, while the overseas regions' plans are exact.
            for (String other : FRENCH_PLAN) {
                com.google.i18n.phonenumbers.Phonenumber.PhoneNumber candidate = read(text, other);
                if (candidate != null && PLANS.isValidNumberForRegion(candidate, other)) {
                    number = candidate;
                    break;
                }
            }
        }
        if (number == null || !PLANS.isValidNumber(number)) {
            throw new ValidationException(
                    "phone", text, "must be a phone number such as 01 23 45 67 89 or +33 1 23 45 67 89");
        }
        return PLANS.format(number, PhoneNumberFormat.E164);
    }

    private static com.google.i18n.phonenumbers.Phonenumber.@org.jspecify.annotations.Nullable PhoneNumber read(
            String text, String region) {
        try {
            return PLANS.parse(text, region);
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** Typed without a country code: the national form, where the region decides. */
    private static boolean national(String text) {
        String t = text.strip();
        return !t.startsWith("+") && !t.startsWith("00");
    }

    /**
     * For reading aloud or printing: numbers of the French plan in their national form ({@code 01 23 45 67
     * 89}, {@code 0692 12 34 56}), others in the international form ({@code +44 20 7946 0958}).
     *
     * @return the number as a resident would write it
     */
    public String display() {
        com.google.i18n.phonenumbers.Phonenumber.PhoneNumber number = read(value, DEFAULT_REGION);
        if (number == null) {
            return value;
        }
        String region = PLANS.getRegionCodeForNumber(number);
        return PLANS.format(
                number, FRENCH_PLAN.contains(region) ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
    }

    @Override
    public String toString() {
        return value;
    }
}
