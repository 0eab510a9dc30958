package org.opengru.documents.storage;

import org.opengru.documents.DocumentsException;

/** The blob store failed (I/O error, full disk, unreachable object store). */
public class StorageException extends DocumentsException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
