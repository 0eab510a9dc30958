package org.opengru.documents.ingest;

/** A PDF carrying JavaScript, a launch action, embedded files or rich media. */
public final class ActivePdfContentException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    public ActivePdfContentException(String message) {
        super(RejectionReason.PDF_ACTIVE_CONTENT, message);
    }

    public ActivePdfContentException(String message, Throwable cause) {
        super(RejectionReason.PDF_ACTIVE_CONTENT, message, cause);
    }
}
