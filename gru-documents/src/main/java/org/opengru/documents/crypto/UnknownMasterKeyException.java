package org.opengru.documents.crypto;

/** A wrapped key names a master key that the {@link KeyProvider} does not hold. */
public final class UnknownMasterKeyException extends CryptoException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses a wrapped key.
     *
     * @param message the master key id that is not known
     */
    public UnknownMasterKeyException(String message) {
        super(message);
    }
}
