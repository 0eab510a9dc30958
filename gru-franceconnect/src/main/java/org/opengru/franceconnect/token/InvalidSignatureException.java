package org.opengru.franceconnect.token;

/** The signature does not verify with the provider's key (forged token, all-zero ECDSA signature...). */
public final class InvalidSignatureException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    public InvalidSignatureException(String message) {
        super(message);
    }

    public InvalidSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
