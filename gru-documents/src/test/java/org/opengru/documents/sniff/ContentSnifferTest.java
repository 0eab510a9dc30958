package org.opengru.documents.sniff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.documents.TestFiles.ascii;
import static org.opengru.documents.TestFiles.concat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengru.documents.TestFiles;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ContentSnifferTest {
    private final ContentSniffer sniffer = new ContentSniffer();

    @Test
    void recognisesEveryAllowedTypeFromRealFiles() {
        assertThat(sniffer.sniff(TestFiles.cleanPdf()).allowed()).isEqualTo(AllowedMediaType.PDF);
        assertThat(sniffer.sniff(TestFiles.png(3, 2)).allowed()).isEqualTo(AllowedMediaType.PNG);
        assertThat(sniffer.sniff(TestFiles.jpeg(3, 2)).allowed()).isEqualTo(AllowedMediaType.JPEG);
        assertThat(sniffer.sniff(TestFiles.webpVp8x(10, 10)).allowed()).isEqualTo(AllowedMediaType.WEBP);
        assertThat(sniffer.sniff(TestFiles.heic("heic", 4032, 3024, 10, true)).allowed())
                .isEqualTo(AllowedMediaType.HEIC);
        assertThat(sniffer.sniff(TestFiles.heic("mif1", 100, 100, 10, true)).allowed())
                .isEqualTo(AllowedMediaType.HEIF);
        byte[] mif1WithHeic = TestFiles.heic("mif1", 100, 100, 10, true);
        System.arraycopy(ascii("heic"), 0, mif1WithHeic, 20, 4); // a heic compatible brand
        assertThat(sniffer.sniff(mif1WithHeic).allowed()).isEqualTo(AllowedMediaType.HEIC);
    }

    @Test
    void namesWhatItRefuses() {
        DetectedType exe = sniffer.sniff(TestFiles.windowsExecutable());
        assertThat(exe.allowed()).isNull();
        assertThat(exe.mediaType()).isEqualTo("application/vnd.microsoft.portable-executable");
        assertThat(exe.description()).isEqualTo("Windows executable");
        assertThat(sniffer.sniff(TestFiles.zip()).mediaType()).isEqualTo("application/zip");
        assertThat(sniffer.sniff(ascii("  <html><script>")).mediaType()).isEqualTo("text/html");
        assertThat(sniffer.sniff(ascii("<svg onload=x>")).mediaType()).isEqualTo("image/svg+xml");
        assertThat(sniffer.sniff(ascii("GIF89a....")).mediaType()).isEqualTo("image/gif");
        assertThat(sniffer.sniff(new byte[] {0x7F, 'E', 'L', 'F', 2}).description())
                .isEqualTo("ELF executable");
        assertThat(sniffer.sniff(new byte[0]).mediaType()).isEqualTo("application/octet-stream");
    }

    @Test
    void aPdfHeaderNotAtOffsetZeroIsNotAPdf() {
        // Readers accept %PDF- anywhere in the first 1024 bytes; polyglots rely on it. We do not.
        assertThat(sniffer.sniff(concat(ascii(" "), TestFiles.cleanPdf())).allowed())
                .isNull();
        assertThat(sniffer.sniff(concat(TestFiles.zip(), TestFiles.cleanPdf())).mediaType())
                .isEqualTo("application/zip");
    }

    @Test
    void anAvifIsNotAHeic() {
        byte[] avif = TestFiles.heic("avif", 10, 10, 0, true);
        assertThat(sniffer.sniff(avif).mediaType()).isEqualTo("image/avif");
        assertThat(sniffer.sniff(avif).allowed()).isNull();
    }

    /** Signatures the oracle below checks independently of the sniffer's code. */
    private static boolean hasMagicOf(AllowedMediaType type, byte[] b) {
        return switch (type) {
            case PDF -> startsWith(b, ascii("%PDF-"));
            case PNG -> startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
            case JPEG -> startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case WEBP -> startsWith(b, ascii("RIFF")) && b.length >= 12 && Arrays.equals(b, 8, 12, ascii("WEBP"), 0, 4);
            case HEIC, HEIF -> b.length >= 12 && Arrays.equals(b, 4, 8, ascii("ftyp"), 0, 4);
        };
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Random bytes, half of them starting with a real magic number (possibly cut short). */
    static Gen<byte[]> fuzzedHeads() {
        List<byte[]> magics = List.of(
                ascii("%PDF-"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10},
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
                ascii("RIFF\0\0\0\0WEBP"),
                ascii("\0\0\0\u0018ftypheic"),
                ascii("\0\0\0\u0018ftypmif1"),
                ascii("MZ"),
                ascii("PK\u0003\u0004"));
        Gen<byte[]> random = Generate.byteArrays(
                integers().between(0, 64), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
        Gen<Integer> which = integers().between(0, magics.size() * 2 - 1);
        Gen<Integer> cut = integers().between(0, 16);
        return random.zip(which, cut, (tail, w, c) -> {
            if (w >= magics.size()) {
                return tail;
            }
            byte[] magic = magics.get(w);
            return concat(Arrays.copyOf(magic, Math.min(magic.length, magic.length + 1 - c % 3)), tail);
        });
    }

    @Test
    void neverThrowsAndNeverClaimsATypeWhoseMagicIsAbsent() {
        qt().withExamples(20_000).forAll(fuzzedHeads()).checkAssert(bytes -> {
            DetectedType detected = sniffer.sniff(bytes);
            assertThat(detected.mediaType()).isNotBlank();
            if (detected.allowed() != null) {
                assertThat(hasMagicOf(detected.allowed(), bytes))
                        .as("claimed %s", detected.allowed())
                        .isTrue();
            }
        });
    }

    @Test
    void neverReadsPastTheLengthItIsGiven() {
        qt().withExamples(5_000)
                .forAll(fuzzedHeads(), integers().between(0, 80))
                .checkAssert((bytes, length) -> {
                    int n = Math.min(length, bytes.length);
                    assertThat(sniffer.sniff(bytes, n)).isEqualTo(sniffer.sniff(Arrays.copyOf(bytes, n)));
                });
    }
}
