package org.opengru.franceconnect.token;

/** {@code acr} is missing or below the requested eIDAS level: a downgrade. */
public final class InsufficientAcrException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    public InsufficientAcrException(String message) {
        super(message);
    }

    public InsufficientAcrException(String message, Throwable cause) {
        super(message, cause);
    }
}
