package org.opengru.documents.ingest;

/** A file whose name's extension disagrees with its content. */
public final class ExtensionMismatchException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public ExtensionMismatchException(String message) {
        super(RejectionReason.EXTENSION_MISMATCH, message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public ExtensionMismatchException(String message, Throwable cause) {
        super(RejectionReason.EXTENSION_MISMATCH, message, cause);
    }
}
