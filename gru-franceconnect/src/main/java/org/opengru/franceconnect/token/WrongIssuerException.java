package org.opengru.franceconnect.token;

/** {@code iss} is not the configured provider: a token from another (possibly hostile) provider. */
public final class WrongIssuerException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    public WrongIssuerException(String message) {
        super(message);
    }

    public WrongIssuerException(String message, Throwable cause) {
        super(message, cause);
    }
}
