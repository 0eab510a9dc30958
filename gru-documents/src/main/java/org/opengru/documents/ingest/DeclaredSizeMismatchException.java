package org.opengru.documents.ingest;

/** The stream held more bytes than the client declared. */
public final class DeclaredSizeMismatchException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    public DeclaredSizeMismatchException(String message) {
        super(RejectionReason.DECLARED_SIZE_MISMATCH, message);
    }

    public DeclaredSizeMismatchException(String message, Throwable cause) {
        super(RejectionReason.DECLARED_SIZE_MISMATCH, message, cause);
    }
}
