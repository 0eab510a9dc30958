package org.opengru.documents.ingest;

import org.opengru.documents.DocumentsException;

/**
 * An upload refused by the ingestion checks. Nothing of it remains in storage when this is thrown.
 * Each reason has its own subclass; {@link #reason()} names it for callers that map to HTTP codes.
 */
public abstract class UploadRejectedException extends DocumentsException {
    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;

    protected UploadRejectedException(RejectionReason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    protected UploadRejectedException(RejectionReason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    /** Why the upload was refused. */
    public RejectionReason reason() {
        return reason;
    }
}
