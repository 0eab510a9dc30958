package org.opengru.franceconnect.token;

/** {@code iat} or {@code nbf} lies in the future (beyond the clock skew). */
public final class TokenNotYetValidException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses the token.
     *
     * @param message the check that failed and the value found, never the token itself
     */
    public TokenNotYetValidException(String message) {
        super(message);
    }

    /**
     * Refuses the token, with the failure of the library that checked it.
     *
     * @param message the check that failed, never the token itself
     * @param cause the underlying failure
     */
    public TokenNotYetValidException(String message, Throwable cause) {
        super(message, cause);
    }
}
