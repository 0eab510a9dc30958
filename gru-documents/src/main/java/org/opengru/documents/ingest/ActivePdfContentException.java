package org.opengru.documents.ingest;

/** A PDF carrying JavaScript, a launch action, embedded files or rich media. */
public final class ActivePdfContentException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public ActivePdfContentException(String message) {
        super(RejectionReason.PDF_ACTIVE_CONTENT, message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public ActivePdfContentException(String message, Throwable cause) {
        super(RejectionReason.PDF_ACTIVE_CONTENT, message, cause);
    }
}
