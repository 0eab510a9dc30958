package org.opengru.documents.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnvelopeEncryptionTest {
    private static final byte[] CONTEXT = "blob-123".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK = 1024;

    private final StaticKeyProvider keys = StaticKeyProvider.generated("k1");
    private final EnvelopeEncryption envelope = new EnvelopeEncryption(keys, new SecureRandom(), CHUNK);

    private record Sealed(byte[] bytes, WrappedKey key) {}

    private Sealed seal(byte[] plain) throws IOException {
        // Odd write sizes on purpose.
        return seal(plain, 333);
    }

    private Sealed seal(byte[] plain, int writeSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EnvelopeEncryption.Encryptor enc = envelope.encrypt(out, CONTEXT)) {
            for (int i = 0; i < plain.length; i += writeSize) {
                enc.write(plain, i, Math.min(writeSize, plain.length - i));
            }
            enc.finish();
            return new Sealed(out.toByteArray(), enc.wrappedKey());
        }
    }

    private byte[] open(byte[] sealed, WrappedKey key) throws IOException {
        try (InputStream in = envelope.decrypt(new ByteArrayInputStream(sealed), key, CONTEXT)) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void roundTripsAtEveryBoundaryWhateverTheWriteSizes() throws IOException {
        for (int n : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 10_000, 300 * CHUNK + 7}) {
            byte[] plain = random(n);
            // Whole chunks are encrypted from the caller's array, partial ones buffered: both paths, mixed.
            for (int writeSize : new int[] {1, 333, CHUNK, 3 * CHUNK, 3 * CHUNK + 1, 500 * CHUNK}) {
                Sealed s = seal(plain, writeSize);
                assertThat(open(s.bytes(), s.key()))
                        .as("%d bytes written %d at a time", n, writeSize)
                        .isEqualTo(plain);
                // Every full chunk, then the final one with what is left (empty when n is a multiple).
                int chunks = n / CHUNK + 1;
                assertThat(s.bytes()).hasSize(20 + n + 16 * chunks);
            }
        }
    }

    /**
     * The first writer held the last full chunk back and sealed it as final; blobs stored that way
     * must still decrypt. This one (2,048 bytes in two 1 KiB chunks, no empty final chunk) was written
     * by it under a fixed master key.
     */
    @Test
    void decryptsFilesWhoseLastFullChunkWasSealedAsFinal() throws IOException {
        byte[] master = new byte[32];
        for (int i = 0; i < master.length; i++) {
            master[i] = (byte) (i + 1);
        }
        EnvelopeEncryption golden = new EnvelopeEncryption(
                StaticKeyProvider.builder().key("golden", master).build(), new SecureRandom(), CHUNK);
        WrappedKey key = new WrappedKey(
                "golden",
                Base64.getDecoder()
                        .decode("MA6mE3ibbWNDK6/u35N9LnblcVxsfeUXCPSSX8+DdxLDcHzhn35EmhL+k5rFmdIQ9e2ryBIlxjpTevd9"));
        byte[] context = "opengru-documents/v1/0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] stored;
        try (InputStream in = getClass().getResourceAsStream("ogruenc1-full-final-chunk.bin")) {
            stored = in.readAllBytes();
        }
        assertThat(stored).hasSize(20 + 2048 + 2 * 16);
        byte[] expected = new byte[2048];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (i * 31 % 251);
        }
        try (InputStream in = golden.decrypt(new ByteArrayInputStream(stored), key, context)) {
            assertThat(in.readAllBytes()).isEqualTo(expected);
        }
        // Its first chunk alone is not a file: it was not sealed as final.
        assertThatThrownBy(() -> golden.decrypt(
                                new ByteArrayInputStream(Arrays.copyOf(stored, 20 + CHUNK + 16)), key, context)
                        .readAllBytes())
                .isInstanceOf(TamperedCiphertextException.class)
                .hasMessageContaining("chunk 0 (last)");
    }

    @Test
    void eachFileHasItsOwnKeyAndNonces() throws IOException {
        byte[] plain = random(5000);
        Sealed a = seal(plain);
        Sealed b = seal(plain);
        assertThat(a.bytes()).isNotEqualTo(b.bytes());
        assertThat(a.key()).isNotEqualTo(b.key());
        assertThatThrownBy(() -> open(a.bytes(), b.key())).isInstanceOf(TamperedCiphertextException.class);
    }

    @Test
    void detectsAlteredTruncatedReorderedOrExtendedCiphertext() throws IOException {
        byte[] plain = random(4 * CHUNK + 100);
        Sealed s = seal(plain);
        int sealedChunk = CHUNK + 16;

        byte[] flipped = s.bytes().clone();
        flipped[20 + 5] ^= 1;
        assertThatThrownBy(() -> open(flipped, s.key())).isInstanceOf(TamperedCiphertextException.class);

        // Cut exactly at a chunk boundary: every remaining chunk is intact, only the final flag tells.
        byte[] cut = Arrays.copyOf(s.bytes(), 20 + 2 * sealedChunk);
        assertThatThrownBy(() -> open(cut, s.key()))
                .isInstanceOf(TamperedCiphertextException.class)
                .hasMessageContaining("chunk 1 (last)");

        byte[] swapped = s.bytes().clone();
        System.arraycopy(s.bytes(), 20 + sealedChunk, swapped, 20, sealedChunk);
        System.arraycopy(s.bytes(), 20, swapped, 20 + sealedChunk, sealedChunk);
        assertThatThrownBy(() -> open(swapped, s.key())).isInstanceOf(TamperedCiphertextException.class);

        byte[] extended = Arrays.copyOf(s.bytes(), s.bytes().length + 16);
        assertThatThrownBy(() -> open(extended, s.key())).isInstanceOf(TamperedCiphertextException.class);

        // A size that is a multiple of the chunk size ends with an empty final chunk: dropping it is seen too.
        Sealed whole = seal(random(2 * CHUNK));
        byte[] noFinal = Arrays.copyOf(whole.bytes(), whole.bytes().length - 16);
        assertThatThrownBy(() -> open(noFinal, whole.key()))
                .isInstanceOf(TamperedCiphertextException.class)
                .hasMessageContaining("chunk 1 (last)");

        byte[] noHeader = Arrays.copyOfRange(s.bytes(), 4, s.bytes().length);
        assertThatThrownBy(() -> open(noHeader, s.key())).hasMessageContaining("OGRUENC1");
    }

    @Test
    void theCiphertextIsBoundToItsContext() throws IOException {
        Sealed s = seal(random(100));
        assertThatThrownBy(() -> envelope.decrypt(
                                new ByteArrayInputStream(s.bytes()),
                                s.key(),
                                "blob-456".getBytes(StandardCharsets.US_ASCII))
                        .readAllBytes())
                .isInstanceOf(TamperedCiphertextException.class)
                .hasMessageContaining("wrapped key");
    }

    @Test
    void rotationRewrapsWithoutTouchingTheFileAndRetiredKeysStopUnwrapping() throws IOException {
        byte[] k1 = new byte[32];
        byte[] k2 = new byte[32];
        new SecureRandom().nextBytes(k1);
        new SecureRandom().nextBytes(k2);
        KeyProvider before = StaticKeyProvider.builder().key("2026-01", k1).build();
        KeyProvider during = StaticKeyProvider.builder()
                .key("2026-01", k1)
                .key("2026-06", k2)
                .current("2026-06")
                .build();
        KeyProvider after = StaticKeyProvider.builder().key("2026-06", k2).build();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EnvelopeEncryption.Encryptor enc = new EnvelopeEncryption(before).encrypt(out, CONTEXT);
        enc.write("pièce".getBytes(StandardCharsets.UTF_8));
        enc.finish();
        WrappedKey old = enc.wrappedKey();
        assertThat(old.keyId()).isEqualTo("2026-01");

        WrappedKey rotated = during.rewrap(old, CONTEXT);
        assertThat(rotated.keyId()).isEqualTo("2026-06");
        try (InputStream in =
                new EnvelopeEncryption(after).decrypt(new ByteArrayInputStream(out.toByteArray()), rotated, CONTEXT)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("pièce");
        }
        assertThatThrownBy(() -> new EnvelopeEncryption(after)
                        .decrypt(new ByteArrayInputStream(out.toByteArray()), old, CONTEXT))
                .isInstanceOf(UnknownMasterKeyException.class)
                .hasMessageContaining("2026-01");
    }

    @Test
    void masterKeysAreValidated() {
        assertThatThrownBy(() -> StaticKeyProvider.builder().key("k", new byte[16]))
                .hasMessageContaining("master key 'k' must be 32 bytes")
                .hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> StaticKeyProvider.builder()
                        .key("k", new byte[32])
                        .current("x")
                        .build())
                .hasMessageContaining("current: no master key with id 'x'");
    }
}
