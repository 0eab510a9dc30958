package org.opengru.documents.crypto;

import org.opengru.documents.DocumentsException;

/** A failure of encryption at rest. */
public abstract class CryptoException extends DocumentsException {
    private static final long serialVersionUID = 1L;

    /**
     * For subclasses.
     *
     * @param message what failed, never a key
     */
    protected CryptoException(String message) {
        super(message);
    }

    /**
     * For subclasses, with the failure that caused it.
     *
     * @param message what failed, never a key
     * @param cause the underlying failure
     */
    protected CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
