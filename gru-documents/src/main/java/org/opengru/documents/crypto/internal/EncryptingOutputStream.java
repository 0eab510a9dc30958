package org.opengru.documents.crypto.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts into {@link ChunkedGcmFormat}. Whole chunks are encrypted straight from the caller's
 * array (no copy); only a partial chunk is buffered. Each full chunk is sealed as soon as it is
 * complete, and {@link #finish()} seals what remains, possibly nothing, as the final chunk. Sealed
 * chunks are gathered and written about {@value #OUTPUT_BYTES} bytes at a time. {@link #close()}
 * finishes then closes the target.
 */
public final class EncryptingOutputStream extends OutputStream {
    /** About how many bytes of sealed chunks are handed to the target per write. */
    static final int OUTPUT_BYTES = 256 * 1024;

    private final OutputStream out;
    private final SecretKeySpec key;
    private final byte[] header = new byte[ChunkedGcmFormat.HEADER];
    private final byte[] nonce;
    private final byte[] aad;
    private final byte[] plain;
    private final byte[] sealed;
    private final Cipher cipher;
    private int buffered;
    private int sealedLength;
    private long index;
    private boolean finished;

    public EncryptingOutputStream(
            OutputStream out, byte[] dataKey, byte[] context, int chunkSize, SecureRandom random) {
        if (chunkSize < ChunkedGcmFormat.MIN_CHUNK || chunkSize > ChunkedGcmFormat.MAX_CHUNK) {
            throw new IllegalArgumentException("chunkSize must be within " + ChunkedGcmFormat.MIN_CHUNK + ".."
                    + ChunkedGcmFormat.MAX_CHUNK + ", got " + chunkSize);
        }
        this.out = out;
        this.key = new SecretKeySpec(dataKey, "AES");
        this.plain = new byte[chunkSize];
        int chunksPerWrite = Math.max(1, OUTPUT_BYTES / chunkSize);
        this.sealed = new byte[ChunkedGcmFormat.HEADER + chunksPerWrite * (chunkSize + ChunkedGcmFormat.TAG)];
        byte[] prefix = new byte[8];
        random.nextBytes(prefix);
        ByteBuffer.wrap(header).put(ChunkedGcmFormat.MAGIC).putInt(chunkSize).put(prefix);
        // Nonce and AAD are the same for every chunk but for the index and the final flag, set per chunk.
        this.nonce = ChunkedGcmFormat.nonce(header, 0);
        this.aad = ChunkedGcmFormat.aad(header, context, 0, false);
        System.arraycopy(header, 0, sealed, 0, header.length);
        this.sealedLength = header.length;
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (finished) {
            throw new IOException("the encrypted stream is already finished");
        }
        if (buffered > 0) {
            int n = Math.min(len, plain.length - buffered);
            System.arraycopy(b, off, plain, buffered, n);
            buffered += n;
            off += n;
            len -= n;
            if (buffered < plain.length) {
                return;
            }
            seal(plain, 0, plain.length, false);
            buffered = 0;
        }
        for (; len >= plain.length; off += plain.length, len -= plain.length) {
            seal(b, off, plain.length, false);
        }
        System.arraycopy(b, off, plain, 0, len);
        buffered = len;
    }

    /** Seals the final chunk (what is buffered, possibly nothing) and writes everything out. Idempotent. */
    public void finish() throws IOException {
        if (!finished) {
            seal(plain, 0, buffered, true);
            buffered = 0;
            finished = true;
            drain();
            out.flush();
        }
    }

    private void seal(byte[] b, int off, int len, boolean last) throws IOException {
        if (sealedLength + len + ChunkedGcmFormat.TAG > sealed.length) {
            drain();
        }
        ByteBuffer.wrap(nonce, 8, 4).putInt((int) index);
        ByteBuffer.wrap(aad, aad.length - 9, 9).putLong(index).put((byte) (last ? 1 : 0));
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad);
            sealedLength += cipher.doFinal(b, off, len, sealed, sealedLength);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
        index++;
    }

    private void drain() throws IOException {
        if (sealedLength > 0) {
            out.write(sealed, 0, sealedLength);
            sealedLength = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            out.close();
        }
    }
}
