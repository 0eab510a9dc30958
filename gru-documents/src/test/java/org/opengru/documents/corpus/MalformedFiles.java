package org.opengru.documents.corpus;

import static org.opengru.documents.TestFiles.ascii;
import static org.opengru.documents.TestFiles.concat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.opengru.documents.TestFiles;

/** Empty, truncated, unparseable files, and images that carry another file. */
final class MalformedFiles {
    private MalformedFiles() {}

    static Map<String, byte[]> all() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("header-only.pdf", ascii("%PDF-"));
        files.put("version-only.pdf", ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        byte[] clean = TestFiles.cleanPdf();
        int stream = indexOf(clean, ascii("stream\n")) + 10;
        files.put("cut-in-stream.pdf", Arrays.copyOf(clean, stream));
        files.put("no-objects.pdf", ascii("%PDF-1.7\nthis is not a document at all\n%%EOF\n"));
        // An object stream that inflates a thousand times: 24 MiB from about 24 KiB.
        byte[] bomb = TestFiles.deflate(TestFiles.concat(ascii("5 0 << /Type /Annot >>"), ascii(" ".repeat(24 << 20))));
        PdfForge.Writer w = new PdfForge.Writer("1.7");
        w.object(1, PdfForge.catalog(""));
        w.object(2, PdfForge.PAGES);
        w.object(3, PdfForge.page(""));
        w.stream(4, "", PdfForge.CONTENT);
        w.stream(5, "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", bomb);
        files.put("object-stream-bomb.pdf", w.xref("", 0).bytes());
        byte[] jpeg = TestFiles.jpeg(64, 48);
        files.put("cut-after-frame-header.jpg", Arrays.copyOf(jpeg, endOfSegment(jpeg, 0xC0)));
        files.put("cut-in-scan-data.jpg", Arrays.copyOf(jpeg, jpeg.length - 20));
        byte[] png = TestFiles.png(64, 48);
        files.put("33-bytes.png", Arrays.copyOf(png, 33));
        files.put("cut-in-idat.png", Arrays.copyOf(png, png.length - 20));
        byte[] badCrc = png.clone();
        badCrc[29] ^= 0x55; // the IHDR's CRC
        files.put("bad-crc.png", badCrc);
        byte[] webp = LegitimateFiles.webp();
        files.put("cut.webp", Arrays.copyOf(webp, webp.length - 10));
        byte[] heic = TestFiles.heic("heic", 4032, 3024, 4096, false);
        files.put("cut.heic", Arrays.copyOf(heic, heic.length - 10));
        return files;
    }

    static Map<String, byte[]> polyglots() {
        byte[] pdf = TestFiles.cleanPdf();
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] jpeg = TestFiles.jpeg(64, 48);
        files.put("pdf-in-comment.jpg", insertAfterSoi(jpeg, segment(0xFE, pdf)));
        files.put("pdf-in-app9.jpg", insertAfterSoi(jpeg, segment(0xE9, pdf)));
        files.put("pdf-after-eoi.jpg", concat(jpeg, pdf));
        byte[] png = TestFiles.png(64, 48);
        files.put("pdf-after-iend.png", concat(png, pdf));
        files.put("pdf-in-text-chunk.png", insertAfterIhdr(png, pngChunk("tEXt", concat(ascii("Comment\0"), pdf))));
        files.put(
                "html-in-text-chunk.png",
                insertAfterIhdr(png, pngChunk("tEXt", ascii("Comment\0<html><script>alert(1)</script></html>"))));
        return files;
    }

    static byte[] segment(int marker, byte[] payload) {
        return concat(
                new byte[] {(byte) 0xFF, (byte) marker, (byte) ((payload.length + 2) >> 8), (byte) (payload.length + 2)
                },
                payload);
    }

    static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        return concat(Arrays.copyOfRange(jpeg, 0, 2), segment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    static byte[] insertAfterIhdr(byte[] png, byte[] chunk) {
        return concat(Arrays.copyOfRange(png, 0, 33), chunk, Arrays.copyOfRange(png, 33, png.length));
    }

    static byte[] pngChunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        return concat(
                ByteBuffer.allocate(4).putInt(data.length).array(),
                ascii(type),
                data,
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The offset just after the first segment with that marker. */
    static int endOfSegment(byte[] jpeg, int marker) {
        int i = 2;
        while (i + 4 <= jpeg.length) {
            int m = jpeg[i + 1] & 0xFF;
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (m == marker) {
                return i + 2 + length;
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("no segment 0x" + Integer.toHexString(marker));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
