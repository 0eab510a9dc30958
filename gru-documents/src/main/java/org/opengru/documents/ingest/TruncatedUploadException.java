package org.opengru.documents.ingest;

/** The upload stream failed or ended early (before its declared size). */
public final class TruncatedUploadException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public TruncatedUploadException(String message) {
        super(RejectionReason.TRUNCATED_UPLOAD, message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public TruncatedUploadException(String message, Throwable cause) {
        super(RejectionReason.TRUNCATED_UPLOAD, message, cause);
    }
}
