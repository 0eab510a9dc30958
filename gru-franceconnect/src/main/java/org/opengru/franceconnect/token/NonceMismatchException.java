package org.opengru.franceconnect.token;

/** {@code nonce} is not the one issued for this login: an injected token. */
public final class NonceMismatchException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    public NonceMismatchException(String message) {
        super(message);
    }

    public NonceMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
