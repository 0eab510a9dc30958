package org.opengru.core.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()} (ISO-8601, {@code DateTimeFormatter.ISO_INSTANT}) written by hand: the same
 * text, character for character, without the formatter's machinery (each submission formats several
 * instants: the request document, the event's time, the audit hash). The fraction keeps ISO_INSTANT's
 * groups of three digits ({@code .120}, {@code .123400}, {@code .123456789}; none when zero); years outside
 * 0000 to 9999 go to {@link Instant#toString()}.
 */
public final class IsoInstant {

    /** 0000-01-01T00:00:00Z. */
    private static final long MIN_SECOND = -62_167_219_200L;

    /** 9999-12-31T23:59:59Z. */
    private static final long MAX_SECOND = 253_402_300_799L;

    private IsoInstant() {}

    /**
     * The instant as {@link Instant#toString()} writes it.
     *
     * @param at the instant
     * @return its ISO-8601 text
     */
    public static String format(Instant at) {
        return append(new StringBuilder(30), at).toString();
    }

    /**
     * Appends the instant as {@link Instant#toString()} writes it.
     *
     * @param sb where to append
     * @param at the instant
     * @return {@code sb}
     */
    public static StringBuilder append(StringBuilder sb, Instant at) {
        long second = at.getEpochSecond();
        if (second < MIN_SECOND || second > MAX_SECOND) {
            return sb.append(at);
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(second, 86_400L));
        int ofDay = (int) Math.floorMod(second, 86_400L);
        digits(sb, date.getYear(), 4).append('-');
        digits(sb, date.getMonthValue(), 2).append('-');
        digits(sb, date.getDayOfMonth(), 2).append('T');
        digits(sb, ofDay / 3600, 2).append(':');
        digits(sb, ofDay / 60 % 60, 2).append(':');
        digits(sb, ofDay % 60, 2);
        int nano = at.getNano();
        if (nano != 0) {
            sb.append('.');
            if (nano % 1_000_000 == 0) {
                digits(sb, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                digits(sb, nano / 1000, 6);
            } else {
                digits(sb, nano, 9);
            }
        }
        return sb.append('Z');
    }

    /** {@code n} (not negative, below {@code 10^width}) zero-padded to {@code width} digits. */
    private static StringBuilder digits(StringBuilder sb, int n, int width) {
        if (width == 2) {
            return sb.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
        }
        char[] out = new char[width];
        for (int i = width - 1, rest = n; i >= 0; i--, rest /= 10) {
            out[i] = (char) ('0' + rest % 10);
        }
        return sb.append(out);
    }
}
