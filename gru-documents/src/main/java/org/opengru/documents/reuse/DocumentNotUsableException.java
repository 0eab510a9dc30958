package org.opengru.documents.reuse;

import org.opengru.documents.DocumentsException;

/** A document cannot serve as a piece: expired, rejected by an agent, or of another type. */
public final class DocumentNotUsableException extends DocumentsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public DocumentNotUsableException(String message) {
        super(message);
    }
}
