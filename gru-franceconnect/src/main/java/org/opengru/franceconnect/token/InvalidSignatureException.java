package org.opengru.franceconnect.token;

/** The signature does not verify with the provider's key (forged token, all-zero ECDSA signature...). */
public final class InvalidSignatureException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses the token.
     *
     * @param message the check that failed and the value found, never the token itself
     */
    public InvalidSignatureException(String message) {
        super(message);
    }

    /**
     * Refuses the token, with the failure of the library that checked it.
     *
     * @param message the check that failed, never the token itself
     * @param cause the underlying failure
     */
    public InvalidSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
