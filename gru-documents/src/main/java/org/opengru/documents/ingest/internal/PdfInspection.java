package org.opengru.documents.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;
import org.apache.pdfbox.pdfparser.COSParser;
import org.apache.pdfbox.pdfparser.PDFObjectStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.jspecify.annotations.Nullable;
import org.opengru.documents.ingest.ActivePdfContentException;
import org.opengru.documents.ingest.EncryptedPdfException;
import org.opengru.documents.ingest.MalformedFileException;
import org.opengru.documents.ingest.UploadRejectedException;

/**
 * Judges a whole PDF on its objects, as readers build them, with Apache PDFBox. Two passes, and a
 * file is refused if either finds active content:
 *
 * <ol>
 *   <li><b>Raw</b>: every {@code N G obj} in the file, wherever it stands (between objects, inside
 *       another stream's data, after a stream that never ends), is parsed as an object and checked;
 *       every stream that is an object stream by its content ({@code /N} and {@code /First}),
 *       whatever its {@code /Type} says, is inflated under the limits and its objects checked. This
 *       is what a reader's recovery may find when the cross-reference data is broken or lies.
 *   <li><b>Graph</b>: PDFBox loads the document (lenient, as readers are: broken cross-references
 *       are rebuilt by scanning, incremental updates and hybrid files are followed); every object
 *       its cross-reference tables and streams index, compressed ones included, and everything
 *       reachable from the trailer is checked.
 * </ol>
 *
 * Only streams that readers interpret as objects or scripts are inflated (object streams,
 * cross-reference streams, XFA); image and page content data is never inflated, so a scan's size
 * costs nothing. Each inflated stream is bounded on its own and by its ratio, and all of them
 * together by {@code maxInflatedBytes}. PDFBox reads the file through {@link PdfSpool} and keeps its
 * own scratch data in temporary files, so the heap stays small whatever the file's size.
 */
public final class PdfInspection {
    /** The most one inflated stream may hold. */
    static final long MAX_STREAM_BYTES = 8L << 20;
    /** Above 1 MiB inflated, a stream may not inflate more than this many times its size. */
    static final int MAX_RATIO = 200;

    private static final Set<String> ACTIONS_THAT_RUN_CODE_OR_LEAVE = Set.of(
            "JavaScript", "Launch", "ImportData", "SubmitForm", "GoToR", "GoToE", "RichMediaExecute", "Rendition");
    private static final Set<String> MEDIA_SUBTYPES = Set.of("RichMedia", "3D", "Movie", "Sound", "Screen");
    private static final COSName FIRST = COSName.getPDFName("First");
    private static final COSName XFA = COSName.getPDFName("XFA");

    private final long maxInflatedBytes;
    private long inflated;

    private PdfInspection(long maxInflatedBytes) {
        this.maxInflatedBytes = maxInflatedBytes;
    }

    /**
     * Checks the spooled PDF.
     *
     * @throws UploadRejectedException active content, encryption or a file that is not a whole PDF
     */
    public static void check(PdfSpool spool, long maxInflatedBytes) {
        new PdfInspection(maxInflatedBytes).run(spool);
    }

    private void run(PdfSpool spool) {
        try {
            requireEndOfFile(spool);
            rawPass(spool);
            graphPass(spool);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UploadRejectedException rejected) {
                throw rejected;
            }
            throw new MalformedFileException("the PDF cannot be parsed: " + e.getMessage(), e);
        }
    }

    /** A whole PDF ends with {@code %%EOF} (readers look for it in the last KiB): a cut upload does not. */
    private static void requireEndOfFile(PdfSpool spool) throws IOException {
        try (RandomAccessRead in = spool.reader()) {
            long length = in.length();
            int n = (int) Math.min(1024, length);
            byte[] tail = new byte[n];
            in.seek(length - n);
            in.readFully(tail);
            if (!new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF")) {
                throw new MalformedFileException("the PDF does not end with %%EOF (cut or not a whole PDF)");
            }
        }
    }

    // ---- raw pass --------------------------------------------------------------------------------

    private void rawPass(PdfSpool spool) throws IOException {
        long[] ends = spool.objectEnds();
        // A stream that cannot be inflated is remembered, not thrown at once: active content or
        // encryption found further on is the more useful verdict.
        MalformedFileException unreadable = null;
        try (RawParser parser = new RawParser(spool.reader())) {
            for (long end : ends) {
                COSBase object = parser.objectAt(end);
                if (object instanceof COSDictionary d) {
                    checkTree(d, "object at byte " + end);
                    COSStream stream = parser.streamAfter(d);
                    if (stream != null) {
                        try {
                            checkStream(stream, "object at byte " + end);
                        } catch (MalformedFileException e) {
                            unreadable = unreadable == null ? e : unreadable;
                        }
                    }
                }
            }
        }
        if (unreadable != null) {
            throw unreadable;
        }
    }

    /** Parses objects wherever the raw pass found an {@code obj} keyword. */
    private static final class RawParser extends COSParser implements AutoCloseable {
        private final RandomAccessRead in;

        RawParser(RandomAccessRead in) throws IOException {
            super(in);
            this.in = in;
            this.document = new COSDocument(this);
        }

        @Nullable
        COSBase objectAt(long offset) {
            try {
                source.seek(offset);
                return parseDirObject();
            } catch (IOException | RuntimeException e) {
                return null; // not an object after all (stray bytes that looked like one)
            }
        }

        /** The stream whose data follows {@code dict}, if the {@code stream} keyword comes next. */
        @Nullable
        COSStream streamAfter(COSDictionary dict) throws IOException {
            skipWhiteSpaces();
            long at = source.getPosition();
            byte[] keyword = new byte[6];
            if (source.read(keyword) != 6 || !"stream".equals(new String(keyword, StandardCharsets.US_ASCII))) {
                source.seek(at);
                return null;
            }
            int c = source.read();
            if (c == '\r' && source.peek() == '\n') {
                source.read();
            } else if (c != '\n' && c != '\r') {
                source.rewind(1);
            }
            long start = source.getPosition();
            long length = -1;
            COSBase declared = dict.getItem(COSName.LENGTH);
            if (declared instanceof COSNumber number && number.longValue() >= 0) {
                length = Math.min(number.longValue(), source.length() - start);
            }
            if (length < 0) {
                length = source.length() - start; // indirect or missing length: bounded by the file
            }
            COSStream stream = new COSStream(
                    IOUtils.createMemoryOnlyStreamCache().create(), new RandomAccessReadView(in, start, length));
            stream.addAll(dict);
            return stream;
        }

        @Override
        public void close() throws IOException {
            document.close();
            in.close();
        }
    }

    // ---- graph pass ------------------------------------------------------------------------------

    private void graphPass(PdfSpool spool) throws IOException {
        PDDocument pdf;
        try {
            pdf = Loader.loadPDF(spool.reader(), "", IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw new EncryptedPdfException("the PDF is encrypted with a password", e);
        } catch (IOException | RuntimeException e) {
            if (failedInDecryption(e)) {
                throw new EncryptedPdfException("the PDF is encrypted (its encryption cannot even be set up)", e);
            }
            throw e;
        }
        try (PDDocument document = pdf) {
            COSDocument cos = document.getDocument();
            if (document.isEncrypted() || cos.getTrailer().containsKey(COSName.ENCRYPT)) {
                throw new EncryptedPdfException("the PDF is encrypted");
            }
            Map<COSObjectKey, Long> xref = cos.getXrefTable();
            // Compressed objects live in object streams: those are checked (and bounded) first, so that
            // PDFBox never inflates one beyond the limits when it reads the objects inside.
            for (Long offset : xref.values()) {
                if (offset != null && offset < 0) {
                    COSBase container =
                            cos.getObjectFromPool(new COSObjectKey(-offset, 0)).getObject();
                    if (container instanceof COSStream s) {
                        bounded(s, "object stream " + (-offset));
                    }
                }
            }
            Deque<COSBase> todo = new ArrayDeque<>();
            todo.add(cos.getTrailer());
            for (COSObjectKey key : xref.keySet()) {
                todo.add(cos.getObjectFromPool(key));
            }
            walk(todo, "the document");
            if (document.getNumberOfPages() < 1) {
                throw new MalformedFileException("the PDF has no page");
            }
        }
    }

    /** Whether PDFBox failed while setting up decryption (a broken /Encrypt dictionary). */
    private static boolean failedInDecryption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("org.apache.pdfbox.pdmodel.encryption.")
                        || frame.getMethodName().equals("prepareDecryption")) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- checks ----------------------------------------------------------------------------------

    /** Checks a dictionary and every dictionary and array nested in it, following references. */
    private void walk(Deque<COSBase> todo, String where) throws IOException {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            COSBase next = todo.pop();
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (next instanceof COSObject o) {
                COSBase target = o.getObject();
                if (target != null) {
                    todo.push(target);
                }
            } else if (next instanceof COSDictionary d) {
                check(d, where);
                if (d.containsKey(XFA)) {
                    checkXfa(d, where); // the graph resolves the XFA packets; the raw pass cannot
                }
                if (d instanceof COSStream s) {
                    checkStream(s, where);
                }
                todo.addAll(d.getValues());
            } else if (next instanceof COSArray a) {
                for (int i = 0; i < a.size(); i++) {
                    todo.add(a.get(i));
                }
            }
        }
    }

    /** The raw pass: a dictionary and what it holds directly (references are objects of their own). */
    private void checkTree(COSDictionary root, String where) throws IOException {
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.add(root);
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            COSBase next = todo.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof COSDictionary d) {
                check(d, where);
                for (COSBase v : d.getValues()) {
                    if (!(v instanceof COSObject)) {
                        todo.add(v);
                    }
                }
            } else if (next instanceof COSArray a) {
                for (int i = 0; i < a.size(); i++) {
                    COSBase v = a.get(i);
                    if (v != null && !(v instanceof COSObject)) {
                        todo.add(v);
                    }
                }
            }
        }
    }

    private static void check(COSDictionary d, String where) {
        String found = activeContent(d);
        if (found != null) {
            throw new ActivePdfContentException("the PDF carries " + found + " (" + where + ")");
        }
        if (d.containsKey(COSName.ENCRYPT)) {
            throw new EncryptedPdfException("the PDF is encrypted (" + where + ")");
        }
    }

    /** What in this dictionary a reader would run, open or fetch; null when nothing. */
    static @Nullable String activeContent(COSDictionary d) {
        COSName action = d.getCOSName(COSName.S);
        if (action != null && ACTIONS_THAT_RUN_CODE_OR_LEAVE.contains(action.getName())) {
            return "a /" + action.getName() + " action";
        }
        if (d.containsKey(COSName.JS) || d.containsKey(COSName.JAVA_SCRIPT)) {
            return d.containsKey(COSName.JS) ? "/JS (JavaScript)" : "a /JavaScript name tree";
        }
        if (d.containsKey(COSName.EMBEDDED_FILES) || d.containsKey(COSName.EF)) {
            return d.containsKey(COSName.EF) ? "/EF (embedded files)" : "/EmbeddedFiles";
        }
        COSName type = d.getCOSName(COSName.TYPE);
        if (type != null && "EmbeddedFile".equals(type.getName())) {
            return "an /EmbeddedFile";
        }
        COSName subtype = d.getCOSName(COSName.SUBTYPE);
        if (subtype != null && "FileAttachment".equals(subtype.getName())) {
            return "a /FileAttachment annotation";
        }
        if (subtype != null && MEDIA_SUBTYPES.contains(subtype.getName())) {
            return "rich media (/" + subtype.getName() + ")";
        }
        if (d.containsKey("RichMediaContent") || d.containsKey("RichMediaSettings")) {
            return "rich media (/RichMediaContent)";
        }
        return null;
    }

    /** A stream: object streams are inflated and their objects checked; XFA is searched for scripts. */
    private void checkStream(COSStream s, String where) throws IOException {
        if (s.containsKey(COSName.N) && s.containsKey(FIRST)) {
            bounded(s, "object stream (" + where + ")");
            COSDocument scratch = new COSDocument();
            Map<COSObjectKey, COSBase> objects;
            try {
                objects = new PDFObjectStreamParser(s, scratch).parseAllObjects();
            } catch (IOException e) {
                throw new MalformedFileException(
                        "an object stream cannot be parsed (" + where + "): " + e.getMessage(), e);
            }
            for (Map.Entry<COSObjectKey, COSBase> e : objects.entrySet()) {
                if (e.getValue() instanceof COSDictionary d) {
                    checkTree(d, "object " + e.getKey().getNumber() + " inside a compressed object stream, " + where);
                }
            }
        }
    }

    /** Checks the XFA forms held by an AcroForm dictionary for scripts. */
    private void checkXfa(COSDictionary acroForm, String where) throws IOException {
        COSBase xfa = acroForm.getDictionaryObject(XFA);
        if (xfa instanceof COSStream s) {
            checkXfaPacket(s, where);
        } else if (xfa instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.getObject(i) instanceof COSStream s) {
                    checkXfaPacket(s, where);
                }
            }
        }
    }

    private void checkXfaPacket(COSStream s, String where) throws IOException {
        bounded(s, "XFA form (" + where + ")");
        byte[] xml;
        try (InputStream decoded = s.createInputStream()) {
            xml = decoded.readAllBytes(); // within the limits just measured
        }
        String text = new String(xml, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (text.contains("<script") || text.contains(":script")) {
            throw new ActivePdfContentException("the PDF carries an XFA form with scripts (" + where + ")");
        }
    }

    /**
     * Measures what a stream inflates to, against the limits (on its own, by ratio, and in total),
     * streaming: nothing is kept. Only FlateDecode or no filter: another filter on a stream the check
     * must read is refused.
     */
    private void bounded(COSStream s, String what) throws IOException {
        COSBase filters = s.getFilters();
        COSBase only = filters instanceof COSArray a && a.size() == 1 ? a.getObject(0) : filters;
        boolean flate = COSName.FLATE_DECODE.equals(only) || COSName.FLATE_DECODE_ABBREVIATION.equals(only);
        if (only != null && !flate) {
            throw new MalformedFileException(
                    "the PDF's " + what + " uses a filter the check does not inflate: " + only);
        }
        long raw = 0;
        long size = 0;
        Inflater inflater = flate ? new Inflater() : null;
        try (InputStream in = s.createRawInputStream()) {
            byte[] chunk = new byte[64 * 1024];
            byte[] out = new byte[64 * 1024];
            int n;
            while ((n = in.read(chunk)) > 0 && size <= MAX_STREAM_BYTES) {
                raw += n;
                if (inflater == null) {
                    size += n;
                    continue;
                }
                inflater.setInput(chunk, 0, n);
                while (!inflater.finished() && !inflater.needsInput() && size <= MAX_STREAM_BYTES) {
                    size += inflater.inflate(out);
                    if (inflater.needsDictionary()) {
                        throw new MalformedFileException("the PDF's " + what + " needs a preset Flate dictionary");
                    }
                }
                if (inflater.finished()) {
                    break;
                }
            }
        } catch (DataFormatException e) {
            throw new MalformedFileException("the PDF's " + what + " is not valid FlateDecode data", e);
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
        if (size > MAX_STREAM_BYTES) {
            throw new MalformedFileException(
                    "the PDF's " + what + " inflates to more than " + MAX_STREAM_BYTES + " bytes (decompression bomb)");
        }
        if (size > (1 << 20) && size > raw * MAX_RATIO) {
            throw new MalformedFileException("the PDF's " + what + " inflates " + size / Math.max(1, raw)
                    + " times its size (decompression bomb)");
        }
        inflated += size;
        if (inflated > maxInflatedBytes) {
            throw new MalformedFileException(
                    "the PDF's streams to inflate hold more than " + maxInflatedBytes + " bytes (decompression bomb)");
        }
    }
}
