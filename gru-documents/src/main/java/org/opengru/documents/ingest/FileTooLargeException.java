package org.opengru.documents.ingest;

/** More bytes than the limit for the file's type; counted while streaming, never trusted from the declared size. */
public final class FileTooLargeException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    public FileTooLargeException(String message) {
        super(RejectionReason.FILE_TOO_LARGE, message);
    }

    public FileTooLargeException(String message, Throwable cause) {
        super(RejectionReason.FILE_TOO_LARGE, message, cause);
    }
}
