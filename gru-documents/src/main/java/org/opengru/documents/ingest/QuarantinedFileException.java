package org.opengru.documents.ingest;

/** The virus scanner could not vouch for the file (timeout, error, size limit); refused, fail closed. */
public final class QuarantinedFileException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public QuarantinedFileException(String message) {
        super(RejectionReason.QUARANTINED, message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public QuarantinedFileException(String message, Throwable cause) {
        super(RejectionReason.QUARANTINED, message, cause);
    }
}
