package org.opengru.franceconnect.link;

import org.opengru.franceconnect.FranceConnectException;

/**
 * Linking on the pivot identity was refused: an attribute of the existing usager is missing or differs
 * from FranceConnect's. Names the attribute (not the values: personal data stays out of logs).
 */
public final class PivotMismatchException extends FranceConnectException {
    private static final long serialVersionUID = 1L;
    /** The first pivot attribute missing or different. */
    private final String attribute;

    /**
     * Refuses a link on pivot.
     *
     * @param attribute the first pivot attribute missing or different
     */
    public PivotMismatchException(String attribute) {
        super("pivot attribute '" + attribute + "' of the existing usager is missing or differs from FranceConnect's");
        this.attribute = attribute;
    }

    /**
     * The first pivot attribute that is missing or differs, such as {@code birthplace}.
     *
     * @return the attribute's name
     */
    public String attribute() {
        return attribute;
    }
}
