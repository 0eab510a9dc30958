package org.opengru.documents;

import org.opengru.core.error.GruException;

/** The base of every failure raised by the document vault; each failure kind has its own subclass. */
public abstract class DocumentsException extends GruException {
    private static final long serialVersionUID = 1L;

    /**
     * For subclasses.
     *
     * @param message what failed and the value at fault, never file content or a key
     */
    protected DocumentsException(String message) {
        super(message);
    }

    /**
     * For subclasses, with the failure that caused it.
     *
     * @param message what failed and the value at fault, never file content or a key
     * @param cause the underlying failure
     */
    protected DocumentsException(String message, Throwable cause) {
        super(message, cause);
    }
}
