package org.opengru.franceconnect.identity;

import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.FranceConnectException;

/** An identity claim does not have the documented format; names the claim and the value. */
public final class InvalidIdentityClaimException extends FranceConnectException {
    private static final long serialVersionUID = 1L;
    private final String claim;

    public InvalidIdentityClaimException(String claim, @Nullable Object value, String reason) {
        super("claim " + claim + " = " + (value == null ? "null" : "'" + value + "'") + ": " + reason);
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }
}
