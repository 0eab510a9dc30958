package org.opengru.franceconnect.token;

/** {@code iat} or {@code nbf} lies in the future (beyond the clock skew). */
public final class TokenNotYetValidException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    public TokenNotYetValidException(String message) {
        super(message);
    }

    public TokenNotYetValidException(String message, Throwable cause) {
        super(message, cause);
    }
}
