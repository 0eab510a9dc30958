package org.opengru.documents.corpus;

import static org.opengru.documents.TestFiles.ascii;
import static org.opengru.documents.TestFiles.deflate;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds hostile PDFs byte by byte: one active-content family (what the file carries) written in one
 * form (where and how its objects sit). Objects 1 to 4 are the catalog, the page tree, the page and
 * its content stream; a family's objects start at 5 and are reached only through references, so
 * that hiding them hides the active part.
 */
final class PdfForge {
    private PdfForge() {}

    /** What a file carries: additions to the catalog and the page, its own objects (dictionaries and streams). */
    record Family(
            String name,
            String catalogExtra,
            String pageExtra,
            Map<Integer, String> objects,
            Map<Integer, Stream> streams) {}

    record Stream(String dictEntries, byte[] data) {}

    /** Where and how the family's objects are written. */
    enum Form {
        /** Every object in the body, a correct xref table. */
        PLAIN,
        /** The family's names written with {@code #xx} escapes ({@code /J#61vaScript}). */
        HEX_ESCAPED,
        /** The family's dictionaries in a FlateDecode object stream, a cross-reference stream. */
        OBJECT_STREAM,
        /** The same, the object stream declaring {@code /Type /XRef}. */
        OBJECT_STREAM_TYPED_XREF,
        /** The same, the object stream with no {@code /Type}. */
        OBJECT_STREAM_UNTYPED,
        /** A clean first revision, then an incremental update that adds the family. */
        INCREMENTAL_UPDATE,
        /** The family's objects inside the page content stream's data; the xref points into it. */
        HIDDEN_IN_STREAM_DATA,
        /** A bare {@code stream} keyword between objects, before the family's objects. */
        BARE_STREAM_KEYWORD,
        /** The content stream announces more bytes than the file holds and never ends. */
        ENDLESS_STREAM,
        /** Every xref offset is wrong: readers rebuild the table by scanning. */
        BROKEN_XREF,
        /**
         * A hybrid file: a classic xref table for the plain objects, and a cross-reference stream named by
         * the trailer's {@code /XRefStm} for the family's objects, compressed in an object stream (PDF 1.5
         * readers see them, older readers do not).
         */
        HYBRID
    }

    static Family family(String name, String catalogExtra, String pageExtra, String... objects) {
        Map<Integer, String> map = new LinkedHashMap<>();
        for (int i = 0; i < objects.length; i++) {
            map.put(5 + i, objects[i]);
        }
        return new Family(name, catalogExtra, pageExtra, map, Map.of());
    }

    static Family withStream(Family f, int number, String dictEntries, byte[] data) {
        Map<Integer, Stream> streams = new LinkedHashMap<>(f.streams());
        streams.put(number, new Stream(dictEntries, data));
        return new Family(f.name(), f.catalogExtra(), f.pageExtra(), f.objects(), streams);
    }

    private static final Pattern NAME = Pattern.compile("/([A-Za-z])([A-Za-z])");

    /** Writes the second letter of every name as {@code #xx}, which readers decode. */
    static String escapeNames(String s) {
        Matcher m = NAME.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    out,
                    "/" + m.group(1)
                            + String.format(
                                    Locale.ROOT, "#%02x", (int) m.group(2).charAt(0)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Family escaped(Family f) {
        Map<Integer, String> objects = new LinkedHashMap<>();
        f.objects().forEach((n, o) -> objects.put(n, escapeNames(o)));
        Map<Integer, Stream> streams = new LinkedHashMap<>();
        f.streams().forEach((n, s) -> streams.put(n, new Stream(escapeNames(s.dictEntries()), s.data())));
        return new Family(f.name(), escapeNames(f.catalogExtra()), escapeNames(f.pageExtra()), objects, streams);
    }

    static byte[] build(Family family, Form form) {
        Family f = form == Form.HEX_ESCAPED ? escaped(family) : family;
        return switch (form) {
            case PLAIN, HEX_ESCAPED -> plain(f, false);
            case BROKEN_XREF -> plain(f, true);
            case OBJECT_STREAM -> objectStream(f, "/Type /ObjStm ");
            case OBJECT_STREAM_TYPED_XREF -> objectStream(f, "/Type /XRef ");
            case OBJECT_STREAM_UNTYPED -> objectStream(f, "");
            case INCREMENTAL_UPDATE -> incremental(f);
            case HIDDEN_IN_STREAM_DATA -> hiddenInStream(f);
            case BARE_STREAM_KEYWORD -> bareStream(f);
            case ENDLESS_STREAM -> endlessStream(f);
            case HYBRID -> hybrid(f);
        };
    }

    static String catalog(String extra) {
        return "<< /Type /Catalog /Pages 2 0 R" + extra + " >>";
    }

    static String page(String extra) {
        return "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                + " /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
                + extra + " >>";
    }

    static final String PAGES = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    static final byte[] CONTENT = ascii("BT /F1 24 Tf 72 720 Td (Avis d'imposition) Tj ET");

    /** A PDF body being written, with the offset of every object. */
    static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final Map<Integer, Long> offsets = new TreeMap<>();

        Writer(String version) {
            raw("%PDF-" + version + "\n%\u00e2\u00e3\u00cf\u00d3\n");
        }

        Writer raw(String s) {
            out.writeBytes(ascii(s));
            return this;
        }

        Writer raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        long size() {
            return out.size();
        }

        Writer object(int n, String body) {
            offsets.put(n, size());
            return raw(n + " 0 obj\n" + body + "\nendobj\n");
        }

        Writer stream(int n, String dictEntries, byte[] data) {
            offsets.put(n, size());
            raw(n + " 0 obj\n<< " + dictEntries + " /Length " + data.length + " >>\nstream\n");
            raw(data);
            return raw("\nendstream\nendobj\n");
        }

        /** A classic xref table over {@code offsets} (in subsections), trailer and startxref. */
        Writer xref(String trailerExtra, long shift) {
            long at = size();
            StringBuilder x = new StringBuilder("xref\n");
            List<Integer> numbers = new ArrayList<>(offsets.keySet());
            int size = numbers.isEmpty() ? 1 : numbers.get(numbers.size() - 1) + 1;
            if (!offsets.containsKey(0)) {
                x.append("0 1\n0000000000 65535 f \n");
            }
            int i = 0;
            while (i < numbers.size()) {
                int j = i;
                while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                    j++;
                }
                x.append(numbers.get(i)).append(' ').append(j - i + 1).append('\n');
                for (int k = i; k <= j; k++) {
                    x.append(String.format(Locale.ROOT, "%010d 00000 n \n", offsets.get(numbers.get(k)) + shift));
                }
                i = j + 1;
            }
            x.append("trailer\n<< /Size ").append(size).append(" /Root 1 0 R").append(trailerExtra);
            x.append(" >>\nstartxref\n").append(at).append("\n%%EOF\n");
            raw(x.toString());
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static void base(Writer w, Family f) {
        w.object(1, catalog(f.catalogExtra()));
        w.object(2, PAGES);
        w.object(3, page(f.pageExtra()));
        w.stream(4, "", CONTENT);
    }

    private static void familyObjects(Writer w, Family f) {
        f.objects().forEach(w::object);
        f.streams().forEach((n, s) -> w.stream(n, s.dictEntries(), s.data()));
    }

    private static byte[] plain(Family f, boolean brokenXref) {
        Writer w = new Writer("1.7");
        base(w, f);
        familyObjects(w, f);
        return w.xref("", brokenXref ? 7 : 0).bytes();
    }

    private static byte[] objectStream(Family f, String type) {
        Writer w = new Writer("1.5");
        base(w, f);
        f.streams().forEach((n, s) -> w.stream(n, s.dictEntries(), s.data()));
        // The family's dictionaries, compressed together.
        StringBuilder index = new StringBuilder();
        StringBuilder bodies = new StringBuilder();
        Map<Integer, Integer> indexInStream = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<Integer, String> e : f.objects().entrySet()) {
            index.append(e.getKey()).append(' ').append(bodies.length()).append(' ');
            bodies.append(e.getValue()).append('\n');
            indexInStream.put(e.getKey(), k++);
        }
        int objStm = 1
                + Math.max(
                        f.objects().keySet().stream()
                                .mapToInt(Integer::intValue)
                                .max()
                                .orElse(4),
                        f.streams().keySet().stream()
                                .mapToInt(Integer::intValue)
                                .max()
                                .orElse(4));
        byte[] data = deflate(ascii(index + bodies.toString()));
        w.stream(
                objStm,
                type + "/N " + indexInStream.size() + " /First " + index.length() + " /Filter /FlateDecode",
                data);
        int xrefNumber = objStm + 1;
        long xrefAt = w.size();
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        for (int n = 0; n <= xrefNumber; n++) {
            if (n == xrefNumber) {
                entry(entries, 1, xrefAt, 0);
            } else if (w.offsets.containsKey(n)) {
                entry(entries, 1, w.offsets.get(n), 0);
            } else if (indexInStream.containsKey(n)) {
                entry(entries, 2, objStm, indexInStream.get(n));
            } else {
                entry(entries, 0, 0, 65535);
            }
        }
        byte[] table = entries.toByteArray();
        w.raw(xrefNumber + " 0 obj\n<< /Type /XRef /Size " + (xrefNumber + 1) + " /W [1 4 2] /Root 1 0 R /Length "
                + table.length + " >>\nstream\n");
        w.raw(table);
        w.raw("\nendstream\nendobj\nstartxref\n" + xrefAt + "\n%%EOF\n");
        return w.bytes();
    }

    private static byte[] hybrid(Family f) {
        Writer w = new Writer("1.5");
        base(w, f);
        f.streams().forEach((n, s) -> w.stream(n, s.dictEntries(), s.data()));
        StringBuilder index = new StringBuilder();
        StringBuilder bodies = new StringBuilder();
        Map<Integer, Integer> indexInStream = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> e : f.objects().entrySet()) {
            index.append(e.getKey()).append(' ').append(bodies.length()).append(' ');
            bodies.append(e.getValue()).append('\n');
            indexInStream.put(e.getKey(), indexInStream.size());
        }
        int objStm = 90;
        int xrefNumber = 91;
        w.stream(
                objStm,
                "/Type /ObjStm /N " + indexInStream.size() + " /First " + index.length() + " /Filter /FlateDecode",
                deflate(ascii(index + bodies.toString())));
        // The cross-reference stream lists only the compressed objects.
        long xrefStmAt = w.size();
        w.offsets.put(xrefNumber, xrefStmAt);
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        StringBuilder ranges = new StringBuilder();
        for (Map.Entry<Integer, Integer> e : indexInStream.entrySet()) {
            ranges.append(e.getKey()).append(" 1 ");
            entry(entries, 2, objStm, e.getValue());
        }
        byte[] table = entries.toByteArray();
        w.raw(xrefNumber + " 0 obj\n<< /Type /XRef /Size 92 /W [1 4 2] /Index [" + ranges + "] /Length " + table.length
                + " >>\nstream\n");
        w.raw(table).raw("\nendstream\nendobj\n");
        return w.xref(" /XRefStm " + xrefStmAt, 0).bytes();
    }

    private static void entry(ByteArrayOutputStream out, int type, long field2, int field3) {
        out.write(type);
        for (int s = 24; s >= 0; s -= 8) {
            out.write((int) (field2 >>> s) & 0xFF);
        }
        out.write(field3 >>> 8);
        out.write(field3 & 0xFF);
    }

    private static byte[] incremental(Family f) {
        Writer w = new Writer("1.7");
        w.object(1, catalog(""));
        w.object(2, PAGES);
        w.object(3, page(""));
        w.stream(4, "", CONTENT);
        long firstXref = w.size();
        w.xref("", 0);
        // The update: a new catalog and page, the family's objects, an xref section chained by /Prev.
        w.offsets.clear();
        w.object(1, catalog(f.catalogExtra()));
        w.object(3, page(f.pageExtra()));
        familyObjects(w, f);
        return w.xref(" /Prev " + firstXref, 0).bytes();
    }

    /** The family's objects, each at its offset from the start of {@code out}. */
    private static byte[] familyText(Family f, long base, Map<Integer, Long> offsets) {
        Writer inner = new Writer("1.7");
        inner.out.reset();
        familyObjects(inner, f);
        inner.offsets.forEach((n, off) -> offsets.put(n, base + off));
        return inner.bytes();
    }

    private static byte[] hiddenInStream(Family f) {
        Writer w = new Writer("1.7");
        w.object(1, catalog(f.catalogExtra()));
        w.object(2, PAGES);
        w.object(3, page(f.pageExtra()));
        w.offsets.put(4, w.size());
        byte[] prefix = ascii("\n% data\n");
        Map<Integer, Long> hidden = new TreeMap<>();
        String head = "4 0 obj\n<< /Length ";
        // The header's length depends on /Length's digits: compute it with a fixed-width number.
        byte[] probe = familyText(f, 0, new TreeMap<>());
        int dataLength = CONTENT.length + prefix.length + probe.length;
        String header = head + String.format(Locale.ROOT, "%08d", dataLength) + " >>\nstream\n";
        long dataStart = w.size() + header.length();
        byte[] text = familyText(f, dataStart + CONTENT.length + prefix.length, hidden);
        w.raw(header).raw(CONTENT).raw(prefix).raw(text).raw("\nendstream\nendobj\n");
        w.offsets.putAll(hidden);
        return w.xref("", 0).bytes();
    }

    private static byte[] bareStream(Family f) {
        Writer w = new Writer("1.7");
        base(w, f);
        w.raw("stream\n");
        familyObjects(w, f);
        return w.xref("", 0).bytes();
    }

    private static byte[] endlessStream(Family f) {
        Writer w = new Writer("1.7");
        w.object(1, catalog(f.catalogExtra()));
        w.object(2, PAGES);
        w.object(3, page(f.pageExtra()));
        w.offsets.put(4, w.size());
        w.raw("4 0 obj\n<< /Length 999999999 >>\nstream\n").raw(CONTENT).raw("\n");
        familyObjects(w, f);
        return w.xref("", 0).bytes();
    }
}
