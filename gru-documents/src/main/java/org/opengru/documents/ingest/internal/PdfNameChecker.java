package org.opengru.documents.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.opengru.documents.ingest.ActivePdfContentException;
import org.opengru.documents.ingest.EncryptedPdfException;

/**
 * Finds PDF name tokens ({@code /Name}) anywhere in a byte stream, decodes their {@code #xx}
 * escapes (so {@code /J#61vaScript} is {@code /JavaScript}) and refuses the forbidden ones. It
 * does not care whether the name sits in a dictionary, a string, a comment or binary data: a
 * false alarm inside a string is acceptable, a miss is not.
 */
final class PdfNameChecker {

    /** Keys and values that make a PDF active: scripts, launch actions, attachments, Flash/3D. */
    static final Set<String> FORBIDDEN =
            Set.of("JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia");

    /** Longer decoded names cannot be forbidden; their remaining bytes are skipped, not stored. */
    private static final int MAX_INTERESTING = 16;

    private final String where;
    private final boolean refuseEncrypt;
    private final byte[] name = new byte[MAX_INTERESTING];
    private int nameLength;
    private boolean active;
    private boolean overflow;
    /** 0: no escape; 1: after '#'; 2: after '#' and one hex digit. */
    private int escape;

    private int escapeHigh;

    PdfNameChecker(String where, boolean refuseEncrypt) {
        this.where = where;
        this.refuseEncrypt = refuseEncrypt;
    }

    void scan(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (!active) {
                // Fast path: jump to the next solidus.
                while (i < end && b[i] != '/') {
                    i++;
                }
                if (i == end) {
                    return;
                }
                startName();
                i++;
                continue;
            }
            int c = b[i] & 0xFF;
            if (escape == 1) {
                int h = hex(c);
                if (h >= 0) {
                    escapeHigh = h;
                    escape = 2;
                    i++;
                    continue;
                }
                append('#');
                escape = 0;
                continue; // re-read c as a normal name byte
            }
            if (escape == 2) {
                int h = hex(c);
                escape = 0;
                if (h >= 0) {
                    append((escapeHigh << 4) | h);
                    i++;
                    continue;
                }
                append('#');
                append(Character.forDigit(escapeHigh, 16));
                continue;
            }
            if (PdfSyntax.isWhitespace(c) || PdfSyntax.isDelimiter(c)) {
                endName();
                if (c == '/') {
                    startName();
                }
                i++;
                continue;
            }
            if (c == '#') {
                escape = 1;
            } else {
                append(c);
            }
            i++;
        }
    }

    /** The stream ended: a name running to the very end still counts. */
    void finish() {
        if (active) {
            if (escape == 1) {
                append('#');
            } else if (escape == 2) {
                append('#');
                append(Character.forDigit(escapeHigh, 16));
            }
            endName();
        }
    }

    private void startName() {
        active = true;
        overflow = false;
        nameLength = 0;
        escape = 0;
    }

    private void append(int c) {
        if (nameLength == MAX_INTERESTING) {
            overflow = true;
        } else {
            name[nameLength++] = (byte) c;
        }
    }

    private void endName() {
        active = false;
        escape = 0;
        if (overflow || nameLength < 2) {
            return;
        }
        String decoded = new String(name, 0, nameLength, StandardCharsets.ISO_8859_1);
        if (FORBIDDEN.contains(decoded)) {
            throw new ActivePdfContentException("the PDF contains the name /" + decoded + " " + where
                    + " (JavaScript, launch actions, embedded files and rich media are refused)");
        }
        if (refuseEncrypt && decoded.equals("Encrypt")) {
            throw new EncryptedPdfException("the PDF is encrypted (/Encrypt): its objects cannot be inspected");
        }
    }

    private static int hex(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
