package org.opengru.franceconnect.link;

import org.opengru.franceconnect.FranceConnectException;

/** The sign-in carries no complete identité pivot (its scopes were not all requested). */
public final class IncompletePivotException extends FranceConnectException {
    private static final long serialVersionUID = 1L;

    /** Says which scopes to request. */
    public IncompletePivotException() {
        super("the FranceConnect sign-in has no complete identité pivot: request given_name, family_name, birthdate,"
                + " gender, birthplace and birthcountry");
    }
}
