package org.opengru.documents.vault;

import java.nio.charset.StandardCharsets;
import org.opengru.documents.ingest.SanitizedFileName;

/**
 * Builds {@code Content-Disposition: attachment} (RFC 6266) with an ASCII {@code filename} fallback
 * and the exact name in {@code filename*} (RFC 5987/8187 UTF-8 percent-encoding). Always {@code
 * attachment}: a stored file is never rendered inline by the browser in the portal's origin.
 */
public final class ContentDisposition {
    private static final String ATTR_CHAR = "!#$&+-.^_`|~";

    private ContentDisposition() {}

    /**
     * The {@code Content-Disposition} of a download: {@code attachment}, with an ASCII fallback name and the
     * UTF-8 name (RFC 6266, RFC 8187), so that a file is never rendered by the browser in the portal's origin.
     *
     * @param name the stored file name
     * @return the header's value
     */
    public static String attachment(SanitizedFileName name) {
        String value = name.value();
        StringBuilder fallback = new StringBuilder();
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            boolean plain = cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' && cp != '%';
            fallback.append(plain ? (char) cp : '_');
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || ATTR_CHAR.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
