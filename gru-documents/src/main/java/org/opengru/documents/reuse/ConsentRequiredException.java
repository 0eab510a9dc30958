package org.opengru.documents.reuse;

import org.opengru.documents.DocumentsException;

/** A document was to be attached to a request without the usager's recorded consent for that request. */
public final class ConsentRequiredException extends DocumentsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public ConsentRequiredException(String message) {
        super(message);
    }
}
