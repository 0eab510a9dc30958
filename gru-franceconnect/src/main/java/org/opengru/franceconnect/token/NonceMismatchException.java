package org.opengru.franceconnect.token;

/** {@code nonce} is not the one issued for this login: an injected token. */
public final class NonceMismatchException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses the token.
     *
     * @param message the check that failed and the value found, never the token itself
     */
    public NonceMismatchException(String message) {
        super(message);
    }

    /**
     * Refuses the token, with the failure of the library that checked it.
     *
     * @param message the check that failed, never the token itself
     * @param cause the underlying failure
     */
    public NonceMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
