package org.opengru.franceconnect.token;

/** No key of the provider's JWKS has the token's {@code kid}, even after a (rate-limited) refetch. */
public final class UnknownKeyException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    public UnknownKeyException(String message) {
        super(message);
    }

    public UnknownKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
