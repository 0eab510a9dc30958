package org.opengru.documents.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.opengru.documents.crypto.TamperedCiphertextException;

/**
 * Decrypts {@link ChunkedGcmFormat}, one chunk at a time; nothing is returned from a chunk before its
 * tag has been checked. Throws {@link TamperedCiphertextException} (unchecked) on any alteration.
 */
public final class DecryptingInputStream extends InputStream {
    private final InputStream in;
    private final SecretKeySpec key;
    private final byte[] context;
    private byte @Nullable [] header;
    private byte @Nullable [] sealed;
    private byte @Nullable [] plain;
    private @Nullable Cipher cipher;
    private int plainPos;
    private int plainLen;
    private long index;
    private boolean done;
    /** One byte read ahead to know whether a full chunk is the last one. */
    private int lookahead = -2;

    public DecryptingInputStream(InputStream in, byte[] dataKey, byte[] context) {
        this.in = in;
        this.key = new SecretKeySpec(dataKey, "AES");
        this.context = context.clone();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (plainPos == plainLen) {
            if (done) {
                return -1;
            }
            nextChunk();
        }
        int n = Math.min(len, plainLen - plainPos);
        System.arraycopy(plain, plainPos, b, off, n);
        plainPos += n;
        return n;
    }

    private void nextChunk() throws IOException {
        if (header == null) {
            readHeader();
        }
        int want = sealed.length;
        int got = 0;
        if (lookahead >= 0) {
            sealed[got++] = (byte) lookahead;
        }
        got += in.readNBytes(sealed, got, want - got);
        boolean last;
        if (got < want) {
            last = true;
        } else {
            lookahead = in.read();
            last = lookahead < 0;
        }
        if (got < ChunkedGcmFormat.TAG) {
            throw new TamperedCiphertextException("the encrypted file is truncated (chunk " + index + " has no tag)");
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, ChunkedGcmFormat.nonce(header, index)));
            cipher.updateAAD(ChunkedGcmFormat.aad(header, context, index, last));
            plainLen = cipher.doFinal(sealed, 0, got, plain, 0);
        } catch (AEADBadTagException e) {
            throw new TamperedCiphertextException(
                    "chunk " + index + (last ? " (last)" : "")
                            + " of the encrypted file does not authenticate: altered, truncated or reordered",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
        plainPos = 0;
        index++;
        done = last;
    }

    private void readHeader() throws IOException {
        byte[] h = in.readNBytes(ChunkedGcmFormat.HEADER);
        if (h.length < ChunkedGcmFormat.HEADER
                || !Arrays.equals(Arrays.copyOf(h, ChunkedGcmFormat.MAGIC.length), ChunkedGcmFormat.MAGIC)) {
            throw new TamperedCiphertextException("the stored file is not in the OGRUENC1 format");
        }
        int chunk = ByteBuffer.wrap(h, 8, 4).getInt();
        if (chunk < ChunkedGcmFormat.MIN_CHUNK || chunk > ChunkedGcmFormat.MAX_CHUNK) {
            throw new TamperedCiphertextException("the encrypted file's header gives a chunk size of " + chunk);
        }
        header = h;
        sealed = new byte[chunk + ChunkedGcmFormat.TAG];
        plain = new byte[chunk];
        try {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
