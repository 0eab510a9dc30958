package org.opengru.documents.storage;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The opaque, random name of a stored blob. Never derived from the file name or the usager, so that
 * storage listings reveal nothing and no name can escape the store.
 *
 * @param value 16..128 characters among {@code [a-z0-9]}
 */
public record BlobKey(String value) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9]{16,128}");

    /**
     * Checks the key.
     *
     * @param value 16..128 characters among {@code [a-z0-9]}
     * @throws IllegalArgumentException when it is not 16 to 128 lower-case letters and digits
     */
    public BlobKey {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("blob key must match [a-z0-9]{16,128}, got '"
                    + (value.length() > 140 ? value.substring(0, 140) + "…" : value) + "'");
        }
    }

    /**
     * A fresh key of 128 random bits.
     *
     * @param random a strong random source
     * @return the key, which says nothing of the file or its owner
     */
    public static BlobKey random(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return new BlobKey(HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
