package org.opengru.franceconnect.link;

import org.opengru.franceconnect.FranceConnectException;

/**
 * Linking on the pivot identity was refused: an attribute of the existing usager is missing or differs
 * from FranceConnect's. Names the attribute (not the values: personal data stays out of logs).
 */
public final class PivotMismatchException extends FranceConnectException {
    private static final long serialVersionUID = 1L;
    private final String attribute;

    public PivotMismatchException(String attribute) {
        super("pivot attribute '" + attribute + "' of the existing usager is missing or differs from FranceConnect's");
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }
}
