package org.opengru.documents.ingest;

/** An encrypted PDF: its objects cannot be inspected, so it is refused. */
public final class EncryptedPdfException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public EncryptedPdfException(String message) {
        super(RejectionReason.PDF_ENCRYPTED, message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public EncryptedPdfException(String message, Throwable cause) {
        super(RejectionReason.PDF_ENCRYPTED, message, cause);
    }
}
