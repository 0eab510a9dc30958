package org.opengru.documents.ingest;

/** The virus scanner found a threat. */
public final class InfectedFileException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public InfectedFileException(String message) {
        super(RejectionReason.INFECTED, message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public InfectedFileException(String message, Throwable cause) {
        super(RejectionReason.INFECTED, message, cause);
    }
}
