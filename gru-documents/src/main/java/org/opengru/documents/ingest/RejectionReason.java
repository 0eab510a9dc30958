package org.opengru.documents.ingest;

/** Why an upload was refused; every {@link UploadRejectedException} names one. */
public enum RejectionReason {
    /** More bytes than the limit for the file's type (counted, whatever the declared size said). */
    FILE_TOO_LARGE,
    /** The stream held more bytes than the client declared. */
    DECLARED_SIZE_MISMATCH,
    /** Zero bytes. */
    EMPTY_FILE,
    /** The stream failed or ended before the declared size. */
    TRUNCATED_UPLOAD,
    /** The content is not on the allow-list (an executable renamed {@code .pdf}, a ZIP, HTML...). */
    UNSUPPORTED_MEDIA_TYPE,
    /** The name's extension does not match the content. */
    EXTENSION_MISMATCH,
    /** A PDF carrying JavaScript, a launch action, embedded files or rich media. */
    PDF_ACTIVE_CONTENT,
    /** An encrypted PDF, whose objects cannot be inspected. */
    PDF_ENCRYPTED,
    /** A file that is also a ZIP archive (PDF/ZIP, JPEG/ZIP... polyglots). */
    POLYGLOT,
    /** An image whose header announces more pixels than allowed (decompression bomb). */
    IMAGE_TOO_LARGE,
    /** A file whose structure cannot be checked (no image header, broken boxes, inflation too large). */
    MALFORMED_FILE,
    /** A file name that is dangerous or unusable (path traversal, control or bidi characters...). */
    INVALID_FILE_NAME,
    /** The virus scanner found a threat. */
    INFECTED,
    /** The virus scanner could not vouch for the file (timeout, error, size limit): quarantined, fail closed. */
    QUARANTINED,
    /**
     * Not the file's fault: a dependency failed while it was checked and stored (the key provider during a
     * KMS outage, the scanner's connection...). Nothing was kept; the sender may retry later.
     */
    INGESTION_FAILED
}
