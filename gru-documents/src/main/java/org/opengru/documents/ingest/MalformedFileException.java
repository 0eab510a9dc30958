package org.opengru.documents.ingest;

/** A file whose structure cannot be checked. */
public final class MalformedFileException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public MalformedFileException(String message) {
        super(RejectionReason.MALFORMED_FILE, message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public MalformedFileException(String message, Throwable cause) {
        super(RejectionReason.MALFORMED_FILE, message, cause);
    }
}
