package org.opengru.documents.ingest;

/** More bytes than the limit for the file's type; counted while streaming, never trusted from the declared size. */
public final class FileTooLargeException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public FileTooLargeException(String message) {
        super(RejectionReason.FILE_TOO_LARGE, message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public FileTooLargeException(String message, Throwable cause) {
        super(RejectionReason.FILE_TOO_LARGE, message, cause);
    }
}
