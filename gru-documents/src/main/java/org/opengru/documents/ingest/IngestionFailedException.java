package org.opengru.documents.ingest;

/**
 * An upload that could not be checked and stored because something other than the file failed (the key
 * provider, the virus scanner's connection, an unexpected error). Nothing of it remains: the upload was
 * aborted, the scanner released and the temporary files deleted. The sender may retry later.
 */
public final class IngestionFailedException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public IngestionFailedException(String message, Throwable cause) {
        super(RejectionReason.INGESTION_FAILED, message, cause);
    }
}
