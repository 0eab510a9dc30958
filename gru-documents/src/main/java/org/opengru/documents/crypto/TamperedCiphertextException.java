package org.opengru.documents.crypto;

/** Encrypted data (a chunk, the stream's end, a wrapped key) failed authentication: altered, truncated or reordered. */
public final class TamperedCiphertextException extends CryptoException {
    private static final long serialVersionUID = 1L;

    public TamperedCiphertextException(String message) {
        super(message);
    }

    public TamperedCiphertextException(String message, Throwable cause) {
        super(message, cause);
    }
}
