package org.opengru.scheduling.registration;

import java.util.regex.Pattern;
import org.opengru.scheduling.internal.Check;

/** A session's code within its collectivité: lower-case letters, digits and dashes. */
public record SessionId(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /**
     * Checks the form of the code.
     *
     * @param value the code
     * @throws org.opengru.core.error.ValidationException naming {@code session.id} and the value when it is not
     *     1 to 63 lower-case letters, digits or dashes
     */
    public SessionId {
        Check.matches("session.id", value, FORM, "1 to 63 lower-case letters, digits or dashes");
    }

    /**
     * The session's code of this value.
     *
     * @param value the code
     * @return the checked code
     * @throws org.opengru.core.error.ValidationException when the value is malformed, as the constructor
     */
    public static SessionId of(String value) {
        return new SessionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
