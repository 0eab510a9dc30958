package org.opengru.franceconnect.token;

/** The token names its own key ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}) or carries {@code crit}: an attacker would point us at a key he controls. */
public final class ForbiddenHeaderException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    public ForbiddenHeaderException(String message) {
        super(message);
    }

    public ForbiddenHeaderException(String message, Throwable cause) {
        super(message, cause);
    }
}
