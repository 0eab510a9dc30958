package org.opengru.documents.ingest;

import org.opengru.documents.DocumentsException;

/**
 * An upload refused by the ingestion checks. Nothing of it remains in storage when this is thrown.
 * Each reason has its own subclass; {@link #reason()} names it for callers that map to HTTP codes.
 */
public abstract class UploadRejectedException extends DocumentsException {
    private static final long serialVersionUID = 1L;

    /** Why the upload was refused. */
    private final RejectionReason reason;

    /**
     * For subclasses.
     *
     * @param reason why the upload was refused
     * @param message the detail, for the logs
     */
    protected UploadRejectedException(RejectionReason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    /**
     * For subclasses, with the failure that caused it.
     *
     * @param reason why the upload was refused
     * @param message the detail, for the logs
     * @param cause the underlying failure
     */
    protected UploadRejectedException(RejectionReason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    /**
     * Why the upload was refused.
     *
     * @return the reason, for the page to say in French
     */
    public RejectionReason reason() {
        return reason;
    }
}
