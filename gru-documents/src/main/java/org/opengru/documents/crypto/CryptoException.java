package org.opengru.documents.crypto;

import org.opengru.documents.DocumentsException;

/** A failure of encryption at rest. */
public abstract class CryptoException extends DocumentsException {
    private static final long serialVersionUID = 1L;

    protected CryptoException(String message) {
        super(message);
    }

    protected CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
