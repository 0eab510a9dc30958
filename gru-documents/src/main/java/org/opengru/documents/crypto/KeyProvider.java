package org.opengru.documents.crypto;

/**
 * The port to the master keys that wrap each file's data key (a KMS, an HSM, or static keys from the
 * configuration). Implementations must be thread-safe. The data key is wrapped with the current
 * master key; any older key id that still has wrapped keys must remain able to unwrap until they are
 * all {@linkplain #rewrap re-wrapped} (key rotation).
 */
public interface KeyProvider {

    /**
     * The id of the master key that {@link #wrap} uses now.
     *
     * @return the current master key's id
     */
    String currentKeyId();

    /**
     * Encrypts {@code dataKey} under the current master key.
     *
     * @param context bound to the wrapped key (authenticated, not secret): unwrapping needs the same
     * @param dataKey the file's data key, which never leaves memory in clear
     * @return the wrapped key, with the id of the master key used
     */
    WrappedKey wrap(byte[] dataKey, byte[] context);

    /**
     * Decrypts a wrapped data key.
     *
     * @param wrapped the wrapped data key
     * @param context the context given when it was wrapped
     * @return the data key
     * @throws UnknownMasterKeyException when the key id is not (or no longer) known
     * @throws TamperedCiphertextException when the wrapped key or the context does not authenticate
     */
    byte[] unwrap(WrappedKey wrapped, byte[] context);

    /**
     * Re-wraps a data key under the current master key (rotation), without touching the file.
     *
     * @param wrapped the wrapped data key
     * @param context the context given when it was wrapped
     * @return the key wrapped under the current master key (the same when it already is)
     */
    default WrappedKey rewrap(WrappedKey wrapped, byte[] context) {
        byte[] key = unwrap(wrapped, context);
        try {
            return wrap(key, context);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }
}
