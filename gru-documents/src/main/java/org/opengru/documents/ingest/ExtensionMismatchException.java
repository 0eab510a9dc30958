package org.opengru.documents.ingest;

/** A file whose name's extension disagrees with its content. */
public final class ExtensionMismatchException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    public ExtensionMismatchException(String message) {
        super(RejectionReason.EXTENSION_MISMATCH, message);
    }

    public ExtensionMismatchException(String message, Throwable cause) {
        super(RejectionReason.EXTENSION_MISMATCH, message, cause);
    }
}
