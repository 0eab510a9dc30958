package org.opengru.documents.storage;

import org.opengru.documents.DocumentsException;

/** The blob store failed (I/O error, full disk, unreachable object store). */
public class StorageException extends DocumentsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public StorageException(String message) {
        super(message);
    }
}
