package org.opengru.documents.ingest;

/** An upload of zero bytes. */
public final class EmptyFileException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public EmptyFileException(String message) {
        super(RejectionReason.EMPTY_FILE, message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public EmptyFileException(String message, Throwable cause) {
        super(RejectionReason.EMPTY_FILE, message, cause);
    }
}
