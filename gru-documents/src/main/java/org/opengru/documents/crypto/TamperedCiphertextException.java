package org.opengru.documents.crypto;

/** Encrypted data (a chunk, the stream's end, a wrapped key) failed authentication: altered, truncated or reordered. */
public final class TamperedCiphertextException extends CryptoException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret or file content
     */
    public TamperedCiphertextException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret or file content
     * @param cause the underlying failure
     */
    public TamperedCiphertextException(String message, Throwable cause) {
        super(message, cause);
    }
}
