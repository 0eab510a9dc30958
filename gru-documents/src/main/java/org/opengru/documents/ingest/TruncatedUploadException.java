package org.opengru.documents.ingest;

/** The upload stream failed or ended early (before its declared size). */
public final class TruncatedUploadException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    public TruncatedUploadException(String message) {
        super(RejectionReason.TRUNCATED_UPLOAD, message);
    }

    public TruncatedUploadException(String message, Throwable cause) {
        super(RejectionReason.TRUNCATED_UPLOAD, message, cause);
    }
}
