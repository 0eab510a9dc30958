package org.opengru.documents.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A file's data key, encrypted under a master key. Stored with the document's metadata, never with
 * the file: deleting it makes the file unreadable for good (crypto-shredding), even where the blob
 * store keeps old versions or backups.
 *
 * @param keyId the master key that wrapped it (several may coexist during a rotation)
 * @param ciphertext the wrapped key bytes, opaque outside the {@link KeyProvider}
 */
public record WrappedKey(String keyId, byte[] ciphertext) {

    /**
     * Checks the key id and copies the ciphertext.
     *
     * @param keyId the master key's id
     * @param ciphertext the wrapped data key
     * @throws IllegalArgumentException when the id is blank or longer than 128 characters
     */
    public WrappedKey {
        Objects.requireNonNull(keyId, "keyId");
        if (keyId.isBlank() || keyId.length() > 128) {
            throw new IllegalArgumentException("keyId must be 1..128 characters, got '" + keyId + "'");
        }
        Objects.requireNonNull(ciphertext, "ciphertext");
        ciphertext = ciphertext.clone();
    }

    /**
     * The wrapped data key.
     *
     * @return a copy, so that the record stays immutable
     */
    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrappedKey w && w.keyId.equals(keyId) && Arrays.equals(w.ciphertext, ciphertext);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode() * 31 + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "WrappedKey[" + keyId + ", "
                + Base64.getEncoder().encodeToString(ciphertext).substring(0, 8) + "…]";
    }
}
