package org.opengru.franceconnect.token;

/** {@code exp} is past (beyond the clock skew): a replayed or stale token. */
public final class TokenExpiredException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses the token.
     *
     * @param message the check that failed and the value found, never the token itself
     */
    public TokenExpiredException(String message) {
        super(message);
    }

    /**
     * Refuses the token, with the failure of the library that checked it.
     *
     * @param message the check that failed, never the token itself
     * @param cause the underlying failure
     */
    public TokenExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
