package org.opengru.documents.ingest;

/** A file that is also a ZIP archive (a PDF/ZIP or image/ZIP polyglot). */
public final class PolyglotFileException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public PolyglotFileException(String message) {
        super(RejectionReason.POLYGLOT, message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public PolyglotFileException(String message, Throwable cause) {
        super(RejectionReason.POLYGLOT, message, cause);
    }
}
