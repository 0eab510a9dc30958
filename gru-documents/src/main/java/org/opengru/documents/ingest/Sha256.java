package org.opengru.documents.ingest;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A SHA-256 digest of a file's plaintext, computed while it streamed in.
 *
 * @param hex 64 lower-case hexadecimal digits
 */
public record Sha256(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * Checks the digest.
     *
     * @param hex 64 lower-case hexadecimal digits
     * @throws IllegalArgumentException when it is not 64 lower-case hex digits
     */
    public Sha256 {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got '" + hex + "'");
        }
    }

    /**
     * From the digest's bytes.
     *
     * @param digest the 32 bytes of a SHA-256
     * @return the digest
     * @throws IllegalArgumentException for another length
     */
    public static Sha256 of(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, got " + digest.length);
        }
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    /**
     * The digest in Base64, as HTTP {@code Repr-Digest: sha-256=:...:} (RFC 9530) wants it.
     *
     * @return the Base64 form
     */
    public String base64() {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    @Override
    public String toString() {
        return hex;
    }
}
