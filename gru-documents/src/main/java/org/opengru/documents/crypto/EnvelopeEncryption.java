package org.opengru.documents.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.opengru.documents.crypto.internal.DecryptingInputStream;
import org.opengru.documents.crypto.internal.EncryptingOutputStream;

/**
 * Envelope encryption of files: each file gets its own random AES-256 data key, encrypts in
 * fixed-size AES-GCM chunks as it streams (memory: one chunk), and the data key is kept only
 * wrapped by the {@link KeyProvider}'s master key. Thread-safe.
 */
public final class EnvelopeEncryption {
    /** Default plaintext bytes per chunk. */
    public static final int DEFAULT_CHUNK_SIZE = 64 * 1024;

    private final KeyProvider keys;
    private final SecureRandom random;
    private final int chunkSize;

    /**
     * Encryption with a strong random source and chunks of {@link #DEFAULT_CHUNK_SIZE} bytes.
     *
     * @param keys the master keys that wrap each file's data key
     */
    public EnvelopeEncryption(KeyProvider keys) {
        this(keys, new SecureRandom(), DEFAULT_CHUNK_SIZE);
    }

    /**
     * Encryption with a chosen random source and chunk size.
     *
     * @param keys the master keys that wrap each file's data key
     * @param random the source of data keys and nonces
     * @param chunkSize the plaintext bytes authenticated together, 16 bytes to 8 MiB
     * @throws IllegalArgumentException when the chunk size is out of range
     */
    public EnvelopeEncryption(KeyProvider keys, SecureRandom random, int chunkSize) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
        if (chunkSize < 16 || chunkSize > (8 << 20)) {
            throw new IllegalArgumentException("chunkSize must be within 16..8388608, got " + chunkSize);
        }
        this.chunkSize = chunkSize;
    }

    /**
     * The key provider, for rotation ({@link KeyProvider#rewrap}).
     *
     * @return the key provider
     */
    public KeyProvider keys() {
        return keys;
    }

    /**
     * Starts encrypting into {@code target} under a fresh data key.
     *
     * @param context what the ciphertext is bound to (for example the storage key): decrypting needs it
     * @param target where the ciphertext goes; not closed by the encryptor
     * @return the encryptor: write the plaintext, then {@link Encryptor#finish()}, then keep its
     * {@link Encryptor#wrappedKey()}
     */
    public Encryptor encrypt(OutputStream target, byte[] context) {
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        try {
            WrappedKey wrapped = keys.wrap(dataKey, context);
            return new Encryptor(new EncryptingOutputStream(target, dataKey, context, chunkSize, random), wrapped);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Decrypts a stream written by {@link #encrypt}. Reading throws {@link TamperedCiphertextException}
     * at the first chunk that does not authenticate.
     *
     * @param source the ciphertext; closed with the returned stream
     * @param key the file's wrapped data key
     * @param context the context given at encryption
     * @return the plaintext stream
     * @throws UnknownMasterKeyException when the master key of {@code key} is not known
     * @throws TamperedCiphertextException when the wrapped key or the context does not authenticate
     */
    public InputStream decrypt(InputStream source, WrappedKey key, byte[] context) {
        byte[] dataKey = keys.unwrap(key, context);
        try {
            return new DecryptingInputStream(source, dataKey, context);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** An encryption in progress: write plaintext, then {@link #finish()}. */
    public static final class Encryptor extends OutputStream {
        private final EncryptingOutputStream out;
        private final WrappedKey wrappedKey;

        Encryptor(EncryptingOutputStream out, WrappedKey wrappedKey) {
            this.out = out;
            this.wrappedKey = wrappedKey;
        }

        /**
         * The data key of this file, wrapped: store it with the metadata.
         *
         * @return the wrapped data key
         */
        public WrappedKey wrappedKey() {
            return wrappedKey;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        /**
         * Seals the last chunk and flushes; does not close the target.
         *
         * @throws IOException when the target fails
         */
        public void finish() throws IOException {
            out.finish();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
