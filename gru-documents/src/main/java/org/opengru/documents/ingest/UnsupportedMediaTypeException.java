package org.opengru.documents.ingest;

/** Content that is not on the allow-list, for example an executable renamed {@code .pdf}. */
public final class UnsupportedMediaTypeException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public UnsupportedMediaTypeException(String message) {
        super(RejectionReason.UNSUPPORTED_MEDIA_TYPE, message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public UnsupportedMediaTypeException(String message, Throwable cause) {
        super(RejectionReason.UNSUPPORTED_MEDIA_TYPE, message, cause);
    }
}
