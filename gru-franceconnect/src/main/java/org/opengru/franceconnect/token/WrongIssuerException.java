package org.opengru.franceconnect.token;

/** {@code iss} is not the configured provider: a token from another (possibly hostile) provider. */
public final class WrongIssuerException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses the token.
     *
     * @param message the check that failed and the value found, never the token itself
     */
    public WrongIssuerException(String message) {
        super(message);
    }

    /**
     * Refuses the token, with the failure of the library that checked it.
     *
     * @param message the check that failed, never the token itself
     * @param cause the underlying failure
     */
    public WrongIssuerException(String message, Throwable cause) {
        super(message, cause);
    }
}
