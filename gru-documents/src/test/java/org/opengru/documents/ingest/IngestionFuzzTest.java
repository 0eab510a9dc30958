package org.opengru.documents.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengru.documents.TestFiles;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.documents.sniff.AllowedMediaType;
import org.opengru.documents.storage.internal.InMemoryBlobStore;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random and mutated files through the whole pipeline: each is either refused with a typed reason
 * (and nothing stored) or accepted as exactly what its magic bytes say, never anything else, and
 * nothing ever crashes.
 */
class IngestionFuzzTest {
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final DocumentIngestor ingestor = DocumentIngestor.builder()
            .blobStore(blobs)
            .encryption(new EnvelopeEncryption(StaticKeyProvider.generated("fuzz")))
            .scanner(VirusScanner.unscanned())
            .build();

    private static final List<byte[]> SEEDS = List.of(
            TestFiles.cleanPdf(),
            TestFiles.png(8, 8),
            TestFiles.jpeg(8, 8),
            TestFiles.webpVp8x(10, 10),
            TestFiles.heic("heic", 10, 10, 64, true),
            TestFiles.pdfWithJavaScriptInObjectStream());

    private static final List<String> NAMES = List.of("a.pdf", "a.png", "a.jpg", "a.webp", "a.heic", "a.pdf");

    /** A seed file with a few random bytes overwritten, truncated or extended. */
    static Gen<Object[]> mutatedFiles() {
        Gen<Integer> seed = integers().between(0, SEEDS.size() - 1);
        Gen<byte[]> noise =
                Generate.byteArrays(integers().between(1, 8), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
        Gen<Integer> where = integers().between(0, 100_000);
        Gen<Integer> cut = integers().between(-20, 20);
        return seed.zip(noise, where, cut, (s, n, w, c) -> {
            byte[] file = SEEDS.get(s).clone();
            int at = w % file.length;
            System.arraycopy(n, 0, file, at, Math.min(n.length, file.length - at));
            if (c < 0) {
                file = Arrays.copyOf(file, Math.max(0, file.length + c));
            } else if (c > 10) {
                file = Arrays.copyOf(file, file.length + c);
            }
            return new Object[] {NAMES.get(s), file};
        });
    }

    @Test
    void mutatedFilesAreRefusedWithAReasonOrAcceptedAsWhatTheyAre() {
        qt().withExamples(3_000).forAll(mutatedFiles()).checkAssert(args -> check((String) args[0], (byte[]) args[1]));
    }

    @Test
    void randomBytesAreNeverAccepted() {
        Gen<byte[]> random = Generate.byteArrays(
                integers().between(0, 5000), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
        qt().withExamples(2_000).forAll(random).checkAssert(bytes -> {
            for (String name : List.of("x.pdf", "x.jpg", "x.png")) {
                int before = blobs.size();
                try {
                    ingestor.ingest(UploadRequest.of(name), new ByteArrayInputStream(bytes));
                    // Only a real signature can get in; random data essentially never has one.
                    assertThat(bytes).as("accepted random bytes as " + name).startsWith((byte) 0xFF, (byte) 0xD8, (byte)
                            0xFF);
                } catch (UploadRejectedException refused) {
                    assertThat(blobs.size()).isEqualTo(before);
                }
            }
        });
    }

    private void check(String name, byte[] file) {
        int before = blobs.size();
        try {
            IngestedFile stored = ingestor.ingest(UploadRequest.of(name), new ByteArrayInputStream(file));
            AllowedMediaType type = stored.mediaType();
            assertThat(type.acceptsExtension(name.substring(name.indexOf('.') + 1)))
                    .isTrue();
            switch (type) {
                case PDF ->
                    assertThat(new String(file, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                            .isEqualTo("%PDF-");
                case PNG -> assertThat(file).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
                case JPEG -> assertThat(file).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
                case WEBP -> assertThat(Arrays.copyOfRange(file, 8, 12)).isEqualTo(TestFiles.ascii("WEBP"));
                case HEIC, HEIF -> assertThat(Arrays.copyOfRange(file, 4, 8)).isEqualTo(TestFiles.ascii("ftyp"));
            }
            assertThat(stored.size()).isEqualTo(file.length);
            assertThat(blobs.size()).isEqualTo(before + 1);
        } catch (UploadRejectedException refused) {
            assertThat(refused.reason()).isNotNull();
            assertThat(blobs.size()).isEqualTo(before);
        }
    }
}
