package org.opengru.franceconnect.token;

/** The {@code nonce} was already used by an accepted token: a replay. */
public final class ReplayedNonceException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    public ReplayedNonceException(String message) {
        super(message);
    }

    public ReplayedNonceException(String message, Throwable cause) {
        super(message, cause);
    }
}
