package org.opengru.franceconnect.token;

/** Not a JWT, or a required claim is missing or of the wrong type. */
public final class MalformedTokenException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses the token.
     *
     * @param message the check that failed and the value found, never the token itself
     */
    public MalformedTokenException(String message) {
        super(message);
    }

    /**
     * Refuses the token, with the failure of the library that checked it.
     *
     * @param message the check that failed, never the token itself
     * @param cause the underlying failure
     */
    public MalformedTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
