package org.opengru.scheduling.model;

import java.util.Locale;
import java.util.regex.Pattern;
import org.opengru.scheduling.internal.Check;

/**
 * The ANTS pre-application number (numéro de pré-demande) a resident gets when filling the passport or
 * identity-card form online: ten upper-case letters or digits. Kept with the booking so the agent can
 * pull the file at the counter. Spaces and lower case are accepted on input and normalised.
 *
 * @param value ten upper-case letters or digits
 */
public record AntsPreApplicationNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{10}");

    /**
     * Checks the number.
     *
     * @param value ten upper-case letters or digits
     * @throws org.opengru.core.error.ValidationException when it is not 10 upper-case letters or digits
     */
    public AntsPreApplicationNumber {
        Check.matches("antsNumber", value, FORMAT, "10 upper-case letters or digits (numéro de pré-demande ANTS)");
    }

    /**
     * Parses user input: strips spaces and dashes and upper-cases before checking the format.
     *
     * @param text what the resident typed
     * @return the number
     * @throws org.opengru.core.error.ValidationException when it is not a number of pré-demande
     */
    public static AntsPreApplicationNumber parse(String text) {
        Check.required("antsNumber", text);
        return new AntsPreApplicationNumber(text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
