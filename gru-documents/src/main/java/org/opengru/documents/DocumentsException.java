package org.opengru.documents;

import org.opengru.core.error.GruException;

/** The base of every failure raised by the document vault; each failure kind has its own subclass. */
public abstract class DocumentsException extends GruException {
    private static final long serialVersionUID = 1L;

    protected DocumentsException(String message) {
        super(message);
    }

    protected DocumentsException(String message, Throwable cause) {
        super(message, cause);
    }
}
