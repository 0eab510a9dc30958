package org.opengru.documents.ingest;

/** A file whose structure cannot be checked. */
public final class MalformedFileException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    public MalformedFileException(String message) {
        super(RejectionReason.MALFORMED_FILE, message);
    }

    public MalformedFileException(String message, Throwable cause) {
        super(RejectionReason.MALFORMED_FILE, message, cause);
    }
}
