package org.opengru.documents.ingest;

/** A dangerous or unusable file name: path traversal, control, NUL or bidi characters, reserved names. */
public final class InvalidFileNameException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    public InvalidFileNameException(String message) {
        super(RejectionReason.INVALID_FILE_NAME, message);
    }

    public InvalidFileNameException(String message, Throwable cause) {
        super(RejectionReason.INVALID_FILE_NAME, message, cause);
    }
}
