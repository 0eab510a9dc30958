package org.opengru.documents.ingest;

/** An upload of zero bytes. */
public final class EmptyFileException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    public EmptyFileException(String message) {
        super(RejectionReason.EMPTY_FILE, message);
    }

    public EmptyFileException(String message, Throwable cause) {
        super(RejectionReason.EMPTY_FILE, message, cause);
    }
}
