package org.opengru.documents.crypto.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The on-disk format of an encrypted file (version 1):
 *
 * <pre>
 * header  = "OGRUENC1" (8) | chunk size, int32 BE (4) | nonce prefix, random (8)
 * chunk_i = AES-256-GCM(data key, nonce = prefix || int32 BE i, aad = header || context || int64 BE i || final flag)
 *           = ciphertext (chunk size bytes, fewer for the last chunk) || tag (16)
 * </pre>
 *
 * Every chunk but the last holds exactly the chunk size; the last one, from 0 to chunk size bytes,
 * is sealed with the final flag set. The writer seals each full chunk as soon as it is complete, so a
 * file whose size is a multiple of the chunk size ends with an empty final chunk; the first writer
 * held the last full chunk back and sealed it as final, and files stored that way remain: the reader
 * accepts both. A chunk moved elsewhere
 * fails (its index is authenticated), a file cut at a chunk boundary fails (its new last chunk was not
 * sealed as final), and bytes appended after the final chunk fail.
 */
public final class ChunkedGcmFormat {
    static final byte[] MAGIC = "OGRUENC1".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = 20;
    static final int TAG = 16;
    /** Bounds accepted when reading, so a forged header cannot make the reader allocate a huge buffer. */
    static final int MIN_CHUNK = 16;

    static final int MAX_CHUNK = 8 << 20;

    private ChunkedGcmFormat() {}

    static byte[] nonce(byte[] header, long index) {
        return ByteBuffer.allocate(12).put(header, 12, 8).putInt((int) index).array();
    }

    static byte[] aad(byte[] header, byte[] context, long index, boolean last) {
        return ByteBuffer.allocate(HEADER + context.length + 9)
                .put(header)
                .put(context)
                .putLong(index)
                .put((byte) (last ? 1 : 0))
                .array();
    }
}
