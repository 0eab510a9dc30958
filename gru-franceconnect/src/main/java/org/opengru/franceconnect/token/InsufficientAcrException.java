package org.opengru.franceconnect.token;

/** {@code acr} is missing or below the requested eIDAS level: a downgrade. */
public final class InsufficientAcrException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses the token.
     *
     * @param message the check that failed and the value found, never the token itself
     */
    public InsufficientAcrException(String message) {
        super(message);
    }

    /**
     * Refuses the token, with the failure of the library that checked it.
     *
     * @param message the check that failed, never the token itself
     * @param cause the underlying failure
     */
    public InsufficientAcrException(String message, Throwable cause) {
        super(message, cause);
    }
}
