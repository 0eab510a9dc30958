package org.opengru.franceconnect.token;

/** FranceConnect+: the token is not encrypted as required, or cannot be decrypted with the relying party's keys. */
public final class DecryptionException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses the token.
     *
     * @param message the check that failed and the value found, never the token itself
     */
    public DecryptionException(String message) {
        super(message);
    }

    /**
     * Refuses the token, with the failure of the library that checked it.
     *
     * @param message the check that failed, never the token itself
     * @param cause the underlying failure
     */
    public DecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
