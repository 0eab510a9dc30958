package org.opengru.documents.ingest;

/** An encrypted PDF: its objects cannot be inspected, so it is refused. */
public final class EncryptedPdfException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    public EncryptedPdfException(String message) {
        super(RejectionReason.PDF_ENCRYPTED, message);
    }

    public EncryptedPdfException(String message, Throwable cause) {
        super(RejectionReason.PDF_ENCRYPTED, message, cause);
    }
}
