package org.opengru.documents.ingest;

/** The virus scanner could not vouch for the file (timeout, error, size limit); refused, fail closed. */
public final class QuarantinedFileException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    public QuarantinedFileException(String message) {
        super(RejectionReason.QUARANTINED, message);
    }

    public QuarantinedFileException(String message, Throwable cause) {
        super(RejectionReason.QUARANTINED, message, cause);
    }
}
