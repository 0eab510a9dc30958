package org.opengru.franceconnect.token;

/** FranceConnect+: the token is not encrypted as required, or cannot be decrypted with the relying party's keys. */
public final class DecryptionException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    public DecryptionException(String message) {
        super(message);
    }

    public DecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
