package org.opengru.franceconnect.identity;

import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.FranceConnectException;

/** An identity claim does not have the documented format; names the claim and the value. */
public final class InvalidIdentityClaimException extends FranceConnectException {
    private static final long serialVersionUID = 1L;
    /** The refused claim's name. */
    private final String claim;

    /**
     * Refuses a claim.
     *
     * @param claim the claim's name, such as {@code birthdate}
     * @param value the refused value, or {@code null} when it was missing
     * @param reason what the value must be
     */
    public InvalidIdentityClaimException(String claim, @Nullable Object value, String reason) {
        super("claim " + claim + " = " + (value == null ? "null" : "'" + value + "'") + ": " + reason);
        this.claim = claim;
    }

    /**
     * The claim that was refused.
     *
     * @return the claim's name
     */
    public String claim() {
        return claim;
    }
}
