package org.opengru.documents.ingest;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the name a browser sent into a {@link SanitizedFileName}, or refuses it with an {@link
 * InvalidFileNameException} naming the reason. Stateless and thread-safe.
 *
 * <p>Dangerous names are refused rather than repaired, so that nobody is surprised by a silently
 * renamed file: path separators (and so {@code ../}), NUL and other control characters, bidi
 * overrides such as U+202E (which make {@code gpj.exe} read as {@code exe.jpg}), invisible
 * formatting characters, lone surrogates, names starting with a dot, reserved Windows device names
 * and names longer than 255 UTF-8 bytes. Harmless oddities are repaired: the name is normalised to
 * NFC, surrounding blanks and trailing dots are removed, and the characters Windows forbids
 * ({@code <>:"|?*}) become {@code _}. Sanitising a sanitised name returns it unchanged.
 */
public final class FileNameSanitizer {

    /** The longest name kept, in UTF-8 bytes (the limit of most file systems). */
    public static final int MAX_UTF8_BYTES = 255;

    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$");

    /** A sanitizer; it holds no state and may be shared. */
    public FileNameSanitizer() {}

    /**
     * Sanitises {@code raw}.
     *
     * @param raw the name the browser sent
     * @return the name to store and to serve back
     * @throws InvalidFileNameException naming the offending character or rule
     */
    public SanitizedFileName sanitize(String raw) {
        if (raw == null) {
            throw new InvalidFileNameException("file name is missing");
        }
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            checkCodePoint(raw, cp);
            i += Character.charCount(cp);
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            checkCodePoint(raw, cp); // NFC never introduces them, but the check is cheap
            b.appendCodePoint("<>:\"|?*".indexOf(cp) >= 0 ? '_' : cp);
            i += Character.charCount(cp);
        }
        String cleaned = stripEnds(b.toString());
        if (cleaned.isEmpty()) {
            throw new InvalidFileNameException(
                    "file name '" + visible(raw) + "' is empty once blanks and dots are removed");
        }
        if (cleaned.startsWith(".")) {
            throw new InvalidFileNameException(
                    "file name '" + visible(raw) + "' starts with a dot (hidden file or '..')");
        }
        String base = cleaned.contains(".") ? cleaned.substring(0, cleaned.indexOf('.')) : cleaned;
        String upperBase = stripEnds(base).toUpperCase(Locale.ROOT);
        if (RESERVED.contains(upperBase) || upperBase.matches("(COM|LPT)[0-9¹²³]")) {
            throw new InvalidFileNameException("file name '" + visible(raw) + "' is a reserved Windows device name");
        }
        int bytes = cleaned.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_UTF8_BYTES) {
            throw new InvalidFileNameException(
                    "file name is " + bytes + " UTF-8 bytes long, more than " + MAX_UTF8_BYTES);
        }
        return new SanitizedFileName(cleaned);
    }

    private static void checkCodePoint(String raw, int cp) {
        if (cp == 0) {
            throw new InvalidFileNameException("file name '" + visible(raw) + "' contains a NUL character");
        }
        if (cp == '/' || cp == '\\') {
            throw new InvalidFileNameException(
                    "file name '" + visible(raw) + "' contains a path separator (path traversal)");
        }
        if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
            throw new InvalidFileNameException("file name '" + visible(raw) + "' contains a lone surrogate");
        }
        if (isBidiControl(cp)) {
            throw new InvalidFileNameException(String.format(
                    Locale.ROOT,
                    "file name '%s' contains the bidirectional control character U+%04X",
                    visible(raw),
                    cp));
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL) {
            throw new InvalidFileNameException(String.format(
                    Locale.ROOT, "file name '%s' contains the control character U+%04X", visible(raw), cp));
        }
        if (type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.PRIVATE_USE
                || cp == 0xFFFD
                || type == Character.UNASSIGNED && !Character.isDefined(cp)) {
            throw new InvalidFileNameException(String.format(
                    Locale.ROOT,
                    "file name '%s' contains the invisible or unassigned character U+%04X",
                    visible(raw),
                    cp));
        }
    }

    private static boolean isBidiControl(int cp) {
        return cp == 0x061C
                || cp == 0x200E
                || cp == 0x200F
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** Removes leading blanks and trailing blanks and dots (Windows drops trailing dots and spaces). */
    private static String stripEnds(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && Character.isWhitespace(s.charAt(start)) || start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start
                && (Character.isWhitespace(s.charAt(end - 1))
                        || isSpace(s.charAt(end - 1))
                        || s.charAt(end - 1) == '.')) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** The raw name with every non-printable character escaped, safe for logs and error messages. */
    static String visible(String raw) {
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < raw.length() && shown < 120; shown++) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (cp < 0x20
                    || cp == 0x7F
                    || type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.SURROGATE
                    || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || cp == '\'') {
                b.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        }
        return shown >= 120 ? b + "…" : b.toString();
    }
}
