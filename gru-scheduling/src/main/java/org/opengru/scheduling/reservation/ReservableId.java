package org.opengru.scheduling.reservation;

import java.util.regex.Pattern;
import org.opengru.scheduling.internal.Check;

/** A room's or equipment's code within its collectivité: lower-case letters, digits and dashes. */
public record ReservableId(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public ReservableId {
        Check.matches("reservable.id", value, FORM, "1 to 63 lower-case letters, digits or dashes");
    }

    public static ReservableId of(String value) {
        return new ReservableId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
