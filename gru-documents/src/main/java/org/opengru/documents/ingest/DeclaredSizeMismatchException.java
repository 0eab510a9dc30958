package org.opengru.documents.ingest;

/** The stream held more bytes than the client declared. */
public final class DeclaredSizeMismatchException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public DeclaredSizeMismatchException(String message) {
        super(RejectionReason.DECLARED_SIZE_MISMATCH, message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public DeclaredSizeMismatchException(String message, Throwable cause) {
        super(RejectionReason.DECLARED_SIZE_MISMATCH, message, cause);
    }
}
