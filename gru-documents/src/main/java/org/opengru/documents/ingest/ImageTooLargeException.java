package org.opengru.documents.ingest;

/** An image whose header announces more pixels than allowed (a decompression bomb). */
public final class ImageTooLargeException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    public ImageTooLargeException(String message) {
        super(RejectionReason.IMAGE_TOO_LARGE, message);
    }

    public ImageTooLargeException(String message, Throwable cause) {
        super(RejectionReason.IMAGE_TOO_LARGE, message, cause);
    }
}
