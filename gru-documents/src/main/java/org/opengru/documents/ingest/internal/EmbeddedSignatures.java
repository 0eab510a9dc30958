package org.opengru.documents.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.opengru.documents.ingest.PolyglotFileException;

/**
 * Looks for the start of another file (PDF, ZIP, HTML, SVG, PostScript, PHP) in an image's metadata
 * (JPEG APPn and COM segments, PNG ancillary chunks, WebP EXIF/XMP chunks, HEIF boxes other than
 * image data): a reader that finds it there opens the image as that other file. Case-insensitive,
 * across buffer boundaries; {@link #reset()} between segments.
 */
final class EmbeddedSignatures {
    private static final byte[][] SIGNATURES = {
        bytes("%pdf-"),
        bytes("pk\u0003\u0004"),
        bytes("<html"),
        bytes("<script"),
        bytes("<svg"),
        bytes("<!doctype"),
        bytes("%!ps"),
        bytes("<?php")
    };

    private final int[] matched = new int[SIGNATURES.length];

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    void reset() {
        Arrays.fill(matched, 0);
    }

    /** @throws PolyglotFileException when a signature completes in these bytes */
    void scan(byte[] b, int off, int len, String where) {
        for (int i = off; i < off + len; i++) {
            int c = b[i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            for (int k = 0; k < SIGNATURES.length; k++) {
                byte[] s = SIGNATURES[k];
                if (c == s[matched[k]]) {
                    if (++matched[k] == s.length) {
                        throw new PolyglotFileException("the " + where + " holds the start of another file ('"
                                + new String(s, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7E]", "?")
                                + "'): readers could open it as that file");
                    }
                } else {
                    matched[k] = c == s[0] ? 1 : 0;
                }
            }
        }
    }
}
