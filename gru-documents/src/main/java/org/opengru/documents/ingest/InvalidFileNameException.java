package org.opengru.documents.ingest;

/** A dangerous or unusable file name: path traversal, control, NUL or bidi characters, reserved names. */
public final class InvalidFileNameException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public InvalidFileNameException(String message) {
        super(RejectionReason.INVALID_FILE_NAME, message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public InvalidFileNameException(String message, Throwable cause) {
        super(RejectionReason.INVALID_FILE_NAME, message, cause);
    }
}
