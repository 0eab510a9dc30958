package org.opengru.franceconnect.token;

/** Not a JWT, or a required claim is missing or of the wrong type. */
public final class MalformedTokenException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    public MalformedTokenException(String message) {
        super(message);
    }

    public MalformedTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
