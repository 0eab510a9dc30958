package org.opengru.franceconnect.token;

/** {@code exp} is past (beyond the clock skew): a replayed or stale token. */
public final class TokenExpiredException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    public TokenExpiredException(String message) {
        super(message);
    }

    public TokenExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
