package org.opengru.franceconnect.token;

/** The {@code nonce} was already used by an accepted token: a replay. */
public final class ReplayedNonceException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses the token.
     *
     * @param message the check that failed and the value found, never the token itself
     */
    public ReplayedNonceException(String message) {
        super(message);
    }

    /**
     * Refuses the token, with the failure of the library that checked it.
     *
     * @param message the check that failed, never the token itself
     * @param cause the underlying failure
     */
    public ReplayedNonceException(String message, Throwable cause) {
        super(message, cause);
    }
}
