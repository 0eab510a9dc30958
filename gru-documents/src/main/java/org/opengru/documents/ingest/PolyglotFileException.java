package org.opengru.documents.ingest;

/** A file that is also a ZIP archive (a PDF/ZIP or image/ZIP polyglot). */
public final class PolyglotFileException extends UploadRejectedException {
    private static final long serialVersionUID = 1L;

    public PolyglotFileException(String message) {
        super(RejectionReason.POLYGLOT, message);
    }

    public PolyglotFileException(String message, Throwable cause) {
        super(RejectionReason.POLYGLOT, message, cause);
    }
}
