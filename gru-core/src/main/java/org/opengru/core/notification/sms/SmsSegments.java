package org.opengru.core.notification.sms;

import java.util.ArrayList;
import java.util.List;
import org.opengru.core.internal.Checks;

/**
 * How an SMS text splits into segments, as a handset or gateway does it.
 *
 * <p>A text made only of GSM 03.38 characters goes as 7-bit: the basic table's characters take one
 * septet, the extension table's ({@code ^ { } \ [ ~ ] | €} and form feed) two (an escape and the
 * character). Any other character (such as {@code ê}, {@code œ} or an emoji) turns the whole text to
 * UCS-2, where each UTF-16 code unit counts (an emoji takes two). Up to 160 septets or 70 units fit in a
 * single SMS; beyond, each segment holds 153 septets or 67 units, and an escape pair or a surrogate pair
 * is never split across two segments (the segment is then one unit short).
 *
 * @param encoding the encoding the text needs
 * @param units septets (7-bit) or UTF-16 code units (UCS-2) of the whole text
 * @param parts the text of each segment, in order; joined, they give the text back
 */
public record SmsSegments(SmsEncoding encoding, int units, List<String> parts) {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    /**
     * Copies the parts.
     *
     * @param encoding the encoding the text needs
     * @param units septets (7-bit) or UTF-16 code units (UCS-2) of the whole text
     * @param parts the text of each segment, in order; joined, they give the text back
     */
    public SmsSegments {
        Checks.required("sms.encoding", encoding);
        parts = List.copyOf(parts);
    }

    /**
     * The number of segments billed (at least one, even for an empty text).
     *
     * @return the count
     */
    public int count() {
        return Math.max(1, parts.size());
    }

    /**
     * Whether the character is in the GSM 03.38 basic table (one septet).
     *
     * @param c the character
     * @return {@code true} when it takes one septet
     */
    public static boolean isGsmBasic(char c) {
        return BASIC.indexOf(c) >= 0;
    }

    /**
     * Whether the character is in the GSM 03.38 extension table (two septets).
     *
     * @param c the character
     * @return {@code true} when it takes two septets
     */
    public static boolean isGsmExtension(char c) {
        return EXTENSION.indexOf(c) >= 0;
    }

    /**
     * Whether the whole text can go as 7-bit GSM.
     *
     * @param text the text
     * @return {@code true} when every character is GSM
     */
    public static boolean isGsm(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isGsmBasic(c) && !isGsmExtension(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits the text into segments.
     *
     * @param text the text
     * @return its segments
     */
    public static SmsSegments of(String text) {
        Checks.required("sms.text", text);
        SmsEncoding encoding = isGsm(text) ? SmsEncoding.GSM_7BIT : SmsEncoding.UCS2;
        // Each "symbol" is the unit that cannot be split: one character, an escape pair, a surrogate pair.
        List<String> symbols = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < text.length(); ) {
            if (encoding == SmsEncoding.GSM_7BIT) {
                char c = text.charAt(i);
                int w = isGsmExtension(c) ? 2 : 1;
                symbols.add(String.valueOf(c));
                weights.add(w);
                total += w;
                i++;
            } else {
                int cp = text.codePointAt(i);
                int n = Character.charCount(cp);
                symbols.add(text.substring(i, i + n));
                weights.add(n);
                total += n;
                i += n;
            }
        }
        List<String> parts = new ArrayList<>();
        if (total == 0) {
            return new SmsSegments(encoding, 0, parts);
        }
        if (total <= encoding.singleCapacity()) {
            parts.add(text);
            return new SmsSegments(encoding, total, parts);
        }
        int capacity = encoding.segmentCapacity();
        StringBuilder current = new StringBuilder();
        int used = 0;
        for (int s = 0; s < symbols.size(); s++) {
            int w = weights.get(s);
            if (used + w > capacity) {
                parts.add(current.toString());
                current.setLength(0);
                used = 0;
            }
            current.append(symbols.get(s));
            used += w;
        }
        parts.add(current.toString());
        return new SmsSegments(encoding, total, parts);
    }

    /**
     * The units a part of a text takes in the given encoding.
     *
     * @param part the text
     * @param encoding the encoding
     * @return the units
     */
    public static int units(String part, SmsEncoding encoding) {
        if (encoding == SmsEncoding.UCS2) {
            return part.length();
        }
        int n = 0;
        for (int i = 0; i < part.length(); i++) {
            n += isGsmExtension(part.charAt(i)) ? 2 : 1;
        }
        return n;
    }
}
