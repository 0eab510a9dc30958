package org.opengru.documents.ingest;

/** An image whose header announces more pixels than allowed (a decompression bomb). */
public final class ImageTooLargeException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public ImageTooLargeException(String message) {
        super(RejectionReason.IMAGE_TOO_LARGE, message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public ImageTooLargeException(String message, Throwable cause) {
        super(RejectionReason.IMAGE_TOO_LARGE, message, cause);
    }
}
