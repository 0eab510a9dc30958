package org.opengru.documents.sniff;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Tells what a file is from its first bytes (magic numbers), never from its name or the declared
 * content type. Stateless and thread-safe; never throws on any input.
 *
 * <p>Only exact, positioned signatures count: a PDF must start with {@code %PDF-} at offset 0 (the
 * 1024-byte leniency of readers is what PDF/ZIP polyglots exploit), a HEIF file must carry an
 * HEIF brand in its {@code ftyp} box, a WebP file must say {@code WEBP} in its RIFF header.
 */
public final class ContentSniffer {

    /** How many leading bytes {@link #sniff} looks at; callers should pass at least this many when the file has them. */
    public static final int HEAD_LENGTH = 4096;

    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx");
    private static final Set<String> HEIF_BRANDS = Set.of("mif1", "msf1");
    private static final DetectedType UNKNOWN =
            DetectedType.refused("application/octet-stream", "unrecognised binary data");

    /** A sniffer; it holds no state and may be shared. */
    public ContentSniffer() {}

    /**
     * Sniffs {@code head} entirely.
     *
     * @param head the first bytes of the file
     * @return the type the bytes show, whatever the name or the declared type say
     */
    public DetectedType sniff(byte[] head) {
        return sniff(head, head.length);
    }

    /**
     * Sniffs the first {@code length} bytes of {@code head}.
     *
     * @param head a buffer holding the first bytes of the file
     * @param length how many of them to read
     * @return the type the bytes show
     */
    public DetectedType sniff(byte[] head, int length) {
        int n = Math.max(0, Math.min(length, head.length));
        if (startsWith(head, n, 0, "%PDF-")) {
            return DetectedType.allowed(AllowedMediaType.PDF, "PDF document");
        }
        if (startsWith(head, n, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return DetectedType.allowed(AllowedMediaType.PNG, "PNG image");
        }
        if (startsWith(head, n, 0, 0xFF, 0xD8, 0xFF)) {
            return DetectedType.allowed(AllowedMediaType.JPEG, "JPEG image");
        }
        if (startsWith(head, n, 0, "RIFF") && startsWith(head, n, 8, "WEBP")) {
            return DetectedType.allowed(AllowedMediaType.WEBP, "WebP image");
        }
        if (startsWith(head, n, 4, "ftyp")) {
            return sniffIsoBmff(head, n);
        }
        return sniffRefused(head, n);
    }

    private static DetectedType sniffIsoBmff(byte[] head, int n) {
        long boxSize = u32(head, n, 0);
        if (boxSize < 16 || n < 12) {
            return DetectedType.refused("application/octet-stream", "malformed ISO media file");
        }
        String major = ascii(head, 8, 4);
        boolean heic = HEIC_BRANDS.contains(major);
        boolean heif = HEIF_BRANDS.contains(major);
        // Compatible brands follow the minor version; a mif1 file with a heic compatible brand is HEIC.
        long end = Math.min(boxSize, n);
        for (int i = 16; i + 4 <= end; i += 4) {
            String brand = ascii(head, i, 4);
            heic |= HEIC_BRANDS.contains(brand) && (heif || heic);
        }
        if (heic) {
            return DetectedType.allowed(AllowedMediaType.HEIC, "HEIC image");
        }
        if (heif) {
            return DetectedType.allowed(AllowedMediaType.HEIF, "HEIF image");
        }
        if (major.equals("avif") || major.equals("avis")) {
            return DetectedType.refused("image/avif", "AVIF image");
        }
        if (major.startsWith("qt")) {
            return DetectedType.refused("video/quicktime", "QuickTime video");
        }
        return DetectedType.refused("video/mp4", "ISO media file (" + printable(major) + ")");
    }

    private static DetectedType sniffRefused(byte[] h, int n) {
        if (startsWith(h, n, 0, "MZ")) {
            return DetectedType.refused("application/vnd.microsoft.portable-executable", "Windows executable");
        }
        if (startsWith(h, n, 0, 0x7F, 'E', 'L', 'F')) {
            return DetectedType.refused("application/x-executable", "ELF executable");
        }
        if (startsWith(h, n, 0, 0xCF, 0xFA, 0xED, 0xFE)
                || startsWith(h, n, 0, 0xCE, 0xFA, 0xED, 0xFE)
                || startsWith(h, n, 0, 0xFE, 0xED, 0xFA, 0xCE)
                || startsWith(h, n, 0, 0xFE, 0xED, 0xFA, 0xCF)
                || startsWith(h, n, 0, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return DetectedType.refused("application/x-mach-binary", "Mach-O executable or Java class");
        }
        if (startsWith(h, n, 0, "PK", 0x03, 0x04)
                || startsWith(h, n, 0, "PK", 0x05, 0x06)
                || startsWith(h, n, 0, "PK", 0x07, 0x08)) {
            return DetectedType.refused("application/zip", "ZIP archive (or Office document, JAR, APK)");
        }
        if (startsWith(h, n, 0, "Rar!")) {
            return DetectedType.refused("application/vnd.rar", "RAR archive");
        }
        if (startsWith(h, n, 0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return DetectedType.refused("application/x-7z-compressed", "7-Zip archive");
        }
        if (startsWith(h, n, 0, 0x1F, 0x8B)) {
            return DetectedType.refused("application/gzip", "gzip data");
        }
        if (startsWith(h, n, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return DetectedType.refused("application/x-ole-storage", "OLE2 document (old Office format)");
        }
        if (startsWith(h, n, 0, "GIF87a") || startsWith(h, n, 0, "GIF89a")) {
            return DetectedType.refused("image/gif", "GIF image");
        }
        if (startsWith(h, n, 0, "II*", 0x00) || startsWith(h, n, 0, "MM", 0x00, "*")) {
            return DetectedType.refused("image/tiff", "TIFF image");
        }
        if (startsWith(h, n, 0, "%!PS")) {
            return DetectedType.refused("application/postscript", "PostScript");
        }
        if (startsWith(h, n, 0, "#!")) {
            return DetectedType.refused("text/x-shellscript", "script");
        }
        int i = 0;
        if (startsWith(h, n, 0, 0xEF, 0xBB, 0xBF)) {
            i = 3;
        }
        while (i < n && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n')) {
            i++;
        }
        if (i < n && h[i] == '<') {
            String tag = ascii(h, i, Math.min(16, n - i)).toLowerCase(java.util.Locale.ROOT);
            if (tag.startsWith("<svg") || tag.startsWith("<?xml")) {
                return DetectedType.refused("image/svg+xml", "SVG or XML document");
            }
            return DetectedType.refused("text/html", "HTML or markup document");
        }
        return UNKNOWN;
    }

    /** Whether {@code h} holds, at {@code offset}, the given sequence of byte values and ASCII strings. */
    private static boolean startsWith(byte[] h, int n, int offset, Object... parts) {
        int p = offset;
        for (Object part : parts) {
            if (part instanceof String s) {
                byte[] b = s.getBytes(StandardCharsets.US_ASCII);
                for (byte x : b) {
                    if (p >= n || h[p++] != x) {
                        return false;
                    }
                }
            } else {
                int v = part instanceof Character c ? c : (Integer) part;
                if (p >= n || (h[p++] & 0xFF) != v) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long u32(byte[] h, int n, int offset) {
        if (offset + 4 > n) {
            return -1;
        }
        return ((h[offset] & 0xFFL) << 24)
                | ((h[offset + 1] & 0xFFL) << 16)
                | ((h[offset + 2] & 0xFFL) << 8)
                | (h[offset + 3] & 0xFFL);
    }

    private static String ascii(byte[] h, int offset, int length) {
        return new String(h, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return b.toString();
    }
}
