package org.opengru.documents.crypto;

/** A wrapped key names a master key that the {@link KeyProvider} does not hold. */
public final class UnknownMasterKeyException extends CryptoException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses a wrapped key.
     *
     * @param message the master key id that is not known
     */
    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public UnknownMasterKeyException(String message) {
        super(message);
    }
}
