package org.opengru.franceconnect.token;

/** The token names its own key ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}) or carries {@code crit}: an attacker would point us at a key he controls. */
public final class ForbiddenHeaderException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses the token.
     *
     * @param message the check that failed and the value found, never the token itself
     */
    public ForbiddenHeaderException(String message) {
        super(message);
    }

    /**
     * Refuses the token, with the failure of the library that checked it.
     *
     * @param message the check that failed, never the token itself
     * @param cause the underlying failure
     */
    public ForbiddenHeaderException(String message, Throwable cause) {
        super(message, cause);
    }
}
