package org.opengru.documents.ingest;

/** Content that is not on the allow-list, for example an executable renamed {@code .pdf}. */
public final class UnsupportedMediaTypeException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMediaTypeException(String message) {
        super(RejectionReason.UNSUPPORTED_MEDIA_TYPE, message);
    }

    public UnsupportedMediaTypeException(String message, Throwable cause) {
        super(RejectionReason.UNSUPPORTED_MEDIA_TYPE, message, cause);
    }
}
