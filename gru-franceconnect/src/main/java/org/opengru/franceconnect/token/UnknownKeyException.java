package org.opengru.franceconnect.token;

/** No key of the provider's JWKS has the token's {@code kid}, even after a (rate-limited) refetch. */
public final class UnknownKeyException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses the token.
     *
     * @param message the check that failed and the value found, never the token itself
     */
    public UnknownKeyException(String message) {
        super(message);
    }

    /**
     * Refuses the token, with the failure of the library that checked it.
     *
     * @param message the check that failed, never the token itself
     * @param cause the underlying failure
     */
    public UnknownKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
