package org.opengru.scheduling.reservation;

import java.util.regex.Pattern;
import org.opengru.scheduling.internal.Check;

/** A room's or equipment's code within its collectivité: lower-case letters, digits and dashes. */
public record ReservableId(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /**
     * Checks the form of the code.
     *
     * @param value the code
     * @throws org.opengru.core.error.ValidationException naming {@code reservable.id} and the value when it is not 1 to 63 lower-case letters,
     *     digits or dashes
     */
    public ReservableId {
        Check.matches("reservable.id", value, FORM, "1 to 63 lower-case letters, digits or dashes");
    }

    /**
     * The code of this value.
     *
     * @param value the code
     * @return the checked code
     * @throws org.opengru.core.error.ValidationException when malformed, as the constructor
     */
    public static ReservableId of(String value) {
        return new ReservableId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
