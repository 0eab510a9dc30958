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
 * Encrypts into {@link ChunkedGcmFormat} with a fixed buffer of one chunk. {@link #finish()} seals
 * the last chunk; {@link #close()} finishes then closes the target.
 */
public final class EncryptingOutputStream extends OutputStream {
    private final OutputStream out;
    private final SecretKeySpec key;
    private final byte[] context;
    private final byte[] header = new byte[ChunkedGcmFormat.HEADER];
    private final byte[] plain;
    private final byte[] sealed;
    private final Cipher cipher;
    private int buffered;
    private long index;
    private boolean headerWritten;
    private boolean finished;

    public EncryptingOutputStream(
            OutputStream out, byte[] dataKey, byte[] context, int chunkSize, SecureRandom random) {
        if (chunkSize < ChunkedGcmFormat.MIN_CHUNK || chunkSize > ChunkedGcmFormat.MAX_CHUNK) {
            throw new IllegalArgumentException("chunkSize must be within " + ChunkedGcmFormat.MIN_CHUNK + ".."
                    + ChunkedGcmFormat.MAX_CHUNK + ", got " + chunkSize);
        }
        this.out = out;
        this.key = new SecretKeySpec(dataKey, "AES");
        this.context = context.clone();
        this.plain = new byte[chunkSize];
        this.sealed = new byte[chunkSize + ChunkedGcmFormat.TAG];
        byte[] prefix = new byte[8];
        random.nextBytes(prefix);
        ByteBuffer.wrap(header).put(ChunkedGcmFormat.MAGIC).putInt(chunkSize).put(prefix);
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
        while (len > 0) {
            if (buffered == plain.length) {
                // More data follows: the full buffer is not the last chunk.
                seal(false);
            }
            int n = Math.min(len, plain.length - buffered);
            System.arraycopy(b, off, plain, buffered, n);
            buffered += n;
            off += n;
            len -= n;
        }
    }

    /** Seals the last chunk. Idempotent. */
    public void finish() throws IOException {
        if (!finished) {
            seal(true);
            finished = true;
            out.flush();
        }
    }

    private void seal(boolean last) throws IOException {
        if (!headerWritten) {
            out.write(header);
            headerWritten = true;
        }
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, ChunkedGcmFormat.nonce(header, index)));
            cipher.updateAAD(ChunkedGcmFormat.aad(header, context, index, last));
            int n = cipher.doFinal(plain, 0, buffered, sealed, 0);
            out.write(sealed, 0, n);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
        index++;
        buffered = 0;
    }

    @Override
    public void flush() throws IOException {
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
