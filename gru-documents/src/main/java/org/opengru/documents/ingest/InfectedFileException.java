package org.opengru.documents.ingest;

/** The virus scanner found a threat. */
public final class InfectedFileException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    public InfectedFileException(String message) {
        super(RejectionReason.INFECTED, message);
    }

    public InfectedFileException(String message, Throwable cause) {
        super(RejectionReason.INFECTED, message, cause);
    }
}
