package org.opengru.documents.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;
import org.opengru.documents.ingest.MalformedFileException;

/**
 * Streams over a whole PDF and refuses active content: JavaScript, launch actions, embedded files,
 * rich media, and encryption (which would hide them).
 *
 * <ul>
 *   <li>Every byte outside stream data goes through a name check that decodes {@code #xx} escapes,
 *       including strings and comments (a false alarm there is acceptable, a miss is not).
 *   <li>A light structure tracker recognises {@code obj ... stream ... endstream}. Every
 *       FlateDecode stream is inflated with {@link Inflater} (bounded in total) and its content
 *       name-checked too, so dictionaries hidden in compressed object streams (PDF 1.5 {@code
 *       /ObjStm}) are seen. An object stream compressed any other way cannot be checked and is
 *       refused.
 *   <li>Raw stream data is not name-checked (binary data would raise false alarms). To make sure
 *       that what is skipped as data is data for every reader, a direct {@code /Length} must be
 *       followed by {@code endstream} (else the file is refused: readers would resynchronise
 *       elsewhere); without a direct length, data ends at the first {@code endstream}, which no
 *       reader ends later than.
 * </ul>
 *
 * Memory stays bounded: a 64 KiB inflation buffer and a few counters, whatever the file's size.
 */
public final class PdfActiveContentScanner implements StreamInspector {

    private static final byte[] ENDSTREAM = "endstream".getBytes(StandardCharsets.US_ASCII);
    private static final int[] ENDSTREAM_FAIL = failureTable(ENDSTREAM);
    private static final int[] ENDSTREAM_SHIFT = horspoolShifts(ENDSTREAM);
    private static final Set<String> OTHER_FILTERS = Set.of(
            "ASCIIHexDecode",
            "ASCII85Decode",
            "LZWDecode",
            "RunLengthDecode",
            "CCITTFaxDecode",
            "JBIG2Decode",
            "DCTDecode",
            "JPXDecode",
            "Crypt",
            "AHx",
            "A85",
            "LZW",
            "RL",
            "CCF",
            "DCT");

    private enum Mode {
        /** PDF syntax: tokens are tracked. */
        SYNTAX,
        /** After the {@code stream} keyword, waiting for its end of line. */
        STREAM_EOL,
        /** Stream data of known length. */
        STREAM_COUNTED,
        /** After counted stream data: only blanks, then {@code endstream}. */
        EXPECT_ENDSTREAM,
        /** Stream data of unknown length (indirect /Length), or after an inflated stream ended. */
        STREAM_SEARCH_END
    }

    /** Longer tokens are cut here (a cut token is never taken for a number). */
    private static final int MAX_TOKEN = 64;

    private final long maxInflatedBytes;
    private final PdfNameChecker rawNames = new PdfNameChecker("", true);
    private final PdfNameChecker inflatedNames = new PdfNameChecker("inside a compressed stream", false);
    private final byte[] inflateBuffer = new byte[64 * 1024];
    private long inflatedTotal;

    private Mode mode = Mode.SYNTAX;
    // Lexer state for SYNTAX mode.
    private final StringBuilder token = new StringBuilder();
    private boolean tokenIsName;
    private int stringDepth;
    private boolean stringEscape;
    private boolean inComment;
    private boolean inHexString;
    private int pendingAngle; // '<' or '>' seen, waiting for a second one

    // What the dictionary of the current object said.
    private boolean flate;
    private boolean otherFilter;
    private boolean decodeParms;
    private boolean objectStream;
    private boolean xrefStream;
    private int lengthState;
    private long lengthValue;
    private long directLength = -1;

    // Stream data state.
    private long remaining;
    private int endstreamMatched;
    private @Nullable Inflater inflater;

    public PdfActiveContentScanner(long maxInflatedBytes) {
        this.maxInflatedBytes = maxInflatedBytes;
    }

    @Override
    public void update(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            switch (mode) {
                case SYNTAX -> {
                    int from = i;
                    i = syntax(b, i, end);
                    rawNames.scan(b, from, i - from);
                }
                case EXPECT_ENDSTREAM -> i = expectEndstream(b, i);
                case STREAM_EOL -> i = streamEol(b, i);
                case STREAM_COUNTED -> i = counted(b, i, end);
                case STREAM_SEARCH_END -> i = searchEnd(b, i, end);
            }
        }
    }

    @Override
    public void finish(long totalBytes) {
        if (mode == Mode.SYNTAX) {
            rawNames.finish();
        }
        inflatedNames.finish();
        endInflater();
    }

    // ---- stream data -------------------------------------------------------------------------

    private int streamEol(byte[] b, int i) {
        int c = b[i] & 0xFF;
        if (c == ' ' || c == '\t' || c == '\r') {
            return i + 1;
        }
        if (c == '\n') {
            startStreamData();
            return i + 1;
        }
        startStreamData();
        return i;
    }

    private void startStreamData() {
        if (objectStream && (!flate || otherFilter || decodeParms)) {
            throw new MalformedFileException(
                    "the PDF has an object stream compressed other than by plain FlateDecode: it cannot be inspected");
        }
        if (flate && !otherFilter && (objectStream || !xrefStream)) {
            inflater = new Inflater();
        }
        endstreamMatched = 0;
        if (directLength >= 0) {
            remaining = directLength;
            mode = Mode.STREAM_COUNTED;
        } else {
            mode = Mode.STREAM_SEARCH_END;
        }
    }

    private int counted(byte[] b, int i, int end) {
        int n = (int) Math.min(end - i, remaining);
        inflate(b, i, n);
        remaining -= n;
        if (remaining == 0) {
            endInflater();
            resetObject();
            endstreamMatched = 0;
            mode = Mode.EXPECT_ENDSTREAM;
        }
        return i + n;
    }

    private int expectEndstream(byte[] b, int i) {
        int c = b[i] & 0xFF;
        if (endstreamMatched == 0 && PdfSyntax.isWhitespace(c)) {
            return i + 1;
        }
        if (c != ENDSTREAM[endstreamMatched]) {
            throw new MalformedFileException(
                    "a PDF stream's /Length does not end where its 'endstream' keyword is: readers would disagree on where the data ends");
        }
        if (++endstreamMatched == ENDSTREAM.length) {
            endstreamMatched = 0;
            mode = Mode.SYNTAX;
        }
        return i + 1;
    }

    /**
     * Looks for {@code endstream} in stream data of unknown length. A partial match carried over from
     * the previous piece is completed first; the piece itself is searched with Boyer-Moore-Horspool
     * (about one comparison per 8 bytes of random data instead of one per byte).
     */
    private int searchEnd(byte[] b, int i, int end) {
        if (end - i < 2 * ENDSTREAM.length) {
            return searchEndByteByByte(b, i, end);
        }
        // Matches that began in the previous piece: its longest suffix that is a prefix of 'endstream',
        // then the shorter ones (the failure chain). The longest that completes here ends first.
        int found = -1;
        for (int k = endstreamMatched; k > 0 && found < 0; k = ENDSTREAM_FAIL[k]) {
            if (startsWith(b, i, ENDSTREAM, k)) {
                found = i + ENDSTREAM.length - k;
            }
        }
        if (found < 0) {
            int at = horspool(b, i, end);
            found = at < 0 ? -1 : at + ENDSTREAM.length;
        }
        if (found >= 0) {
            return streamEndsAt(b, i, found);
        }
        // No match: what carries over is the longest suffix of this piece that is a prefix of 'endstream'.
        endstreamMatched = partialMatchAtEnd(b, end - (ENDSTREAM.length - 1), end);
        inflate(b, i, end - i);
        return end;
    }

    /** The stream data that began at {@code i} ended with 'endstream' just before {@code end}. */
    private int streamEndsAt(byte[] b, int i, int end) {
        inflate(b, i, end - i);
        endInflater();
        resetObject();
        mode = Mode.SYNTAX;
        endstreamMatched = 0;
        return end;
    }

    /** The KMP state after {@code [from, end)}, which holds no whole 'endstream'. */
    private static int partialMatchAtEnd(byte[] b, int from, int end) {
        int m = 0;
        for (int j = from; j < end; j++) {
            while (m > 0 && b[j] != ENDSTREAM[m]) {
                m = ENDSTREAM_FAIL[m];
            }
            if (b[j] == ENDSTREAM[m]) {
                m++;
            }
        }
        return m;
    }

    /** Knuth-Morris-Pratt one byte at a time, for pieces too short to search otherwise. */
    private int searchEndByteByByte(byte[] b, int i, int end) {
        int j = i;
        int m = endstreamMatched;
        while (j < end) {
            byte c = b[j++];
            while (m > 0 && c != ENDSTREAM[m]) {
                m = ENDSTREAM_FAIL[m];
            }
            if (c == ENDSTREAM[m]) {
                m++;
            }
            if (m == ENDSTREAM.length) {
                return streamEndsAt(b, i, j);
            }
        }
        endstreamMatched = m;
        inflate(b, i, end - i);
        return end;
    }

    private static boolean startsWith(byte[] b, int i, byte[] pattern, int from) {
        for (int k = from; k < pattern.length; k++) {
            if (b[i + k - from] != pattern[k]) {
                return false;
            }
        }
        return true;
    }

    /** The first index in {@code [i, end)} where {@code endstream} starts entirely within the piece, or -1. */
    private static int horspool(byte[] b, int i, int end) {
        int last = ENDSTREAM.length - 1;
        byte lastByte = ENDSTREAM[last];
        int at = i;
        while (at + last < end) {
            byte c = b[at + last];
            if (c == lastByte && startsWith(b, at, ENDSTREAM, 0)) {
                return at;
            }
            at += ENDSTREAM_SHIFT[c & 0xFF];
        }
        return -1;
    }

    private void inflate(byte[] b, int off, int len) {
        if (inflater == null || len == 0) {
            return;
        }
        inflater.setInput(b, off, len);
        try {
            while (!inflater.finished() && !inflater.needsDictionary()) {
                int n = inflater.inflate(inflateBuffer);
                if (n == 0) {
                    if (inflater.needsInput()) {
                        return;
                    }
                    break;
                }
                inflatedTotal += n;
                if (inflatedTotal > maxInflatedBytes) {
                    throw new MalformedFileException("the PDF's compressed streams inflate to more than "
                            + maxInflatedBytes + " bytes (decompression bomb)");
                }
                inflatedNames.scan(inflateBuffer, 0, n);
            }
        } catch (DataFormatException e) {
            // Corrupt data: readers cannot decode past this point either; what came before was checked.
        }
        // The deflate stream ended (or is corrupt): the rest of this stream is not inflated.
        endInflater();
    }

    private void endInflater() {
        if (inflater != null) {
            inflatedNames.finish();
            inflater.end();
            inflater = null;
        }
    }

    // ---- PDF syntax --------------------------------------------------------------------------

    private int syntax(byte[] b, int i, int end) {
        while (i < end && mode == Mode.SYNTAX) {
            int c = b[i++] & 0xFF;
            if (inComment) {
                inComment = c != '\n' && c != '\r';
                continue;
            }
            if (stringDepth > 0) {
                if (stringEscape) {
                    stringEscape = false;
                } else if (c == '\\') {
                    stringEscape = true;
                } else if (c == '(') {
                    stringDepth++;
                } else if (c == ')') {
                    stringDepth--;
                }
                continue;
            }
            if (inHexString) {
                inHexString = c != '>';
                continue;
            }
            if (pendingAngle == '<') {
                pendingAngle = 0;
                if (c != '<') {
                    inHexString = c != '>';
                    continue;
                }
                onToken("<<", false);
                continue;
            }
            if (pendingAngle == '>') {
                pendingAngle = 0;
                if (c == '>') {
                    onToken(">>", false);
                    continue;
                }
            }
            if (PdfSyntax.isWhitespace(c) || PdfSyntax.isDelimiter(c)) {
                endToken(c);
                if (mode != Mode.SYNTAX) {
                    return i;
                }
                switch (c) {
                    case '%' -> inComment = true;
                    case '(' -> stringDepth = 1;
                    case '<', '>' -> pendingAngle = c;
                    case '/' -> {
                        tokenIsName = true;
                        token.setLength(0);
                    }
                    case '[', ']', '{', '}' -> onToken(String.valueOf((char) c), false);
                    default -> {}
                }
                continue;
            }
            if (token.length() < MAX_TOKEN) {
                token.append((char) c);
            }
        }
        return i;
    }

    /** The token in progress ends at {@code c}; a {@code stream} keyword switches to stream data. */
    private void endToken(int c) {
        if (token.length() == 0 && !tokenIsName) {
            return;
        }
        String t = token.toString();
        boolean name = tokenIsName;
        token.setLength(0);
        tokenIsName = false;
        onToken(name ? decodeName(t) : t, name);
        if (!name && t.equals("stream")) {
            if (c == '\n') {
                startStreamData();
            } else {
                mode = Mode.STREAM_EOL;
            }
        }
    }

    private void onToken(String t, boolean name) {
        trackLength(t, name);
        if (name) {
            switch (t) {
                case "FlateDecode", "Fl" -> flate = true;
                case "DecodeParms", "DP" -> decodeParms = true;
                case "ObjStm" -> objectStream = true;
                case "XRef" -> xrefStream = true;
                case "Length" -> lengthState = 1;
                default -> otherFilter |= OTHER_FILTERS.contains(t);
            }
        } else if (t.equals("obj")) {
            resetObject();
        }
    }

    /** Follows {@code /Length n} (direct) versus {@code /Length n g R} (indirect, unknown here). */
    private void trackLength(String t, boolean name) {
        boolean number = !name && isNumber(t);
        switch (lengthState) {
            case 1 -> {
                if (number) {
                    lengthValue = parse(t);
                    lengthState = 2;
                } else if (!(name && t.equals("Length"))) {
                    lengthState = 0;
                }
            }
            case 2 -> {
                if (number) {
                    lengthState = 3;
                } else {
                    directLength = lengthValue;
                    lengthState = 0;
                }
            }
            case 3 -> {
                directLength = t.equals("R") ? -1 : lengthValue;
                lengthState = 0;
            }
            default -> {}
        }
    }

    private void resetObject() {
        flate = false;
        otherFilter = false;
        decodeParms = false;
        objectStream = false;
        xrefStream = false;
        lengthState = 0;
        directLength = -1;
    }

    /**
     * A non-negative integer that fits a long. Leading zeros count for nothing, as in readers: writers
     * that patch lengths in place pad them ({@code /Length 0000081920}).
     */
    private static boolean isNumber(String t) {
        if (t.isEmpty() || t.length() >= MAX_TOKEN) {
            return false;
        }
        int significant = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (significant > 0 || c != '0') {
                significant++;
            }
        }
        return significant <= 18;
    }

    private static long parse(String t) {
        return Long.parseLong(t);
    }

    private static String decodeName(String raw) {
        if (raw.indexOf('#') < 0) {
            return raw;
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '#' && i + 2 < raw.length()) {
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    b.append((char) (hi * 16 + lo));
                    i += 2;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    private static int[] horspoolShifts(byte[] p) {
        int[] shift = new int[256];
        Arrays.fill(shift, p.length);
        for (int k = 0; k < p.length - 1; k++) {
            shift[p[k] & 0xFF] = p.length - 1 - k;
        }
        return shift;
    }

    private static int[] failureTable(byte[] p) {
        int[] fail = new int[p.length + 1];
        int k = 0;
        for (int i = 1; i < p.length; i++) {
            while (k > 0 && p[i] != p[k]) {
                k = fail[k];
            }
            if (p[i] == p[k]) {
                k++;
            }
            fail[i + 1] = k;
        }
        return fail;
    }
}
