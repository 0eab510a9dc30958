package org.opengru.documents.ingest.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengru.documents.TestFiles.ascii;
import static org.opengru.documents.TestFiles.concat;
import static org.opengru.documents.TestFiles.deflate;
import static org.opengru.documents.TestFiles.streamObject;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opengru.documents.TestFiles;
import org.opengru.documents.ingest.ActivePdfContentException;
import org.opengru.documents.ingest.MalformedFileException;

class PdfActiveContentScannerTest {

    /** Feeds the file in pieces of the given size, so every token is split at some boundary. */
    private static void scan(byte[] pdf, int piece) {
        PdfActiveContentScanner scanner = new PdfActiveContentScanner(1 << 20);
        for (int i = 0; i < pdf.length; i += piece) {
            scanner.update(pdf, i, Math.min(piece, pdf.length - i));
        }
        scanner.finish(pdf.length);
    }

    private static void scanAllWays(byte[] pdf) {
        for (int piece : new int[] {1, 2, 3, 7, 64, 4096, pdf.length}) {
            scan(pdf, piece);
        }
    }

    @Test
    void aCleanPdfPassesHoweverItIsChunked() {
        assertThatCode(() -> scanAllWays(TestFiles.cleanPdf())).doesNotThrowAnyException();
    }

    @Test
    void findsJavaScriptWhateverTheChunkBoundaries() {
        for (int piece : new int[] {1, 2, 3, 5, 11, 4096}) {
            assertThatThrownBy(() -> scan(TestFiles.pdfWithOpenAction("JavaScript", "JS"), piece))
                    .isInstanceOf(ActivePdfContentException.class);
            assertThatThrownBy(() -> scan(TestFiles.pdfWithJavaScriptInObjectStream(), piece))
                    .isInstanceOf(ActivePdfContentException.class)
                    .hasMessageContaining("compressed stream");
        }
    }

    @Test
    void decodesHexEscapesInNames() {
        assertThatThrownBy(() -> scan(TestFiles.pdfWithOpenAction("J#61v#61Script", "F"), 1))
                .hasMessageContaining("/JavaScript");
        assertThatThrownBy(() -> scan(TestFiles.pdfWithOpenAction("#4Caunch", "F"), 3))
                .hasMessageContaining("/Launch");
        assertThatThrownBy(() -> scan(TestFiles.pdfWithOpenAction("GoTo", "#4A#53"), 2))
                .hasMessageContaining("/JS");
        // A different name that merely starts the same way is fine.
        assertThatCode(() -> scanAllWays(TestFiles.pdfWithOpenAction("JavaScripts", "JSON")))
                .doesNotThrowAnyException();
    }

    @Test
    void findsRichMediaAndEmbeddedFilesInsideCompressedObjectStreams() {
        byte[] objStm = deflate(ascii("3 0 << /Type /Annot /Subtype /RichMedia >>"));
        byte[] pdf = TestFiles.pdfObjects(List.of(
                ascii("<< /Type /Catalog >>"),
                ascii("<< /Type /Pages /Kids [] /Count 0 >>"),
                streamObject("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", objStm)));
        assertThatThrownBy(() -> scan(pdf, 13)).hasMessageContaining("/RichMedia");
    }

    @Test
    void refusesAnObjectStreamItCannotDecode() {
        byte[] pdf = TestFiles.pdfObjects(List.of(
                ascii("<< /Type /Catalog >>"),
                streamObject("/Type /ObjStm /N 1 /First 4 /Filter [/ASCIIHexDecode /FlateDecode]", ascii("0a0b>"))));
        assertThatThrownBy(() -> scan(pdf, 4096))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("object stream");
    }

    @Test
    void anIndirectLengthStillFindsTheEndOfTheStream() {
        byte[] data = deflate(ascii("4 0 << /S /JavaScript >>"));
        byte[] pdf = TestFiles.pdfObjects(List.of(
                ascii("<< /Type /Catalog >>"),
                concat(
                        ascii("<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length 3 0 R >>\nstream\r\n"),
                        data,
                        ascii("\nendstream")),
                ascii(String.valueOf(data.length))));
        assertThatThrownBy(() -> scan(pdf, 1)).hasMessageContaining("/JavaScript");
    }

    /** Feeds the file in pieces of random sizes, mostly short so that pieces split every keyword. */
    private static void scanInRandomPieces(byte[] pdf, Random random) {
        PdfActiveContentScanner scanner = new PdfActiveContentScanner(1 << 20);
        for (int i = 0; i < pdf.length; ) {
            int piece =
                    Math.min(random.nextBoolean() ? 1 + random.nextInt(30) : 1 + random.nextInt(3000), pdf.length - i);
            scanner.update(pdf, i, piece);
            i += piece;
        }
        scanner.finish(pdf.length);
    }

    @Test
    void aStreamOfUnknownLengthEndsAtItsFirstEndstreamWhereverThePiecesSplitIt() {
        // Stream data full of near misses (every proper prefix of 'endstream', overlapping ones) and of
        // names that would be refused if the scanner took the data for syntax; it ends on an overlap.
        Random random = new Random(7);
        byte[] noise = new byte[2_000];
        random.nextBytes(noise);
        byte[] data = concat(
                ascii("/JavaScript e en end ends endst endstr endstre endstrea eendstrea endendstrea /JS "),
                noise,
                ascii(" endstreaendstreendstr /Launch endstreendstr"));
        byte[] clean = TestFiles.pdfObjects(List.of(
                ascii("<< /Type /Catalog >>"),
                concat(ascii("<< /Subtype /Image /Length 3 0 R >>\nstream\n"), data, ascii("endstream")),
                ascii(String.valueOf(data.length))));
        byte[] activeAfter = TestFiles.pdfObjects(List.of(
                ascii("<< /Type /Catalog >>"),
                concat(ascii("<< /Subtype /Image /Length 3 0 R >>\nstream\n"), data, ascii("endstream")),
                ascii("<< /S /JavaScript >>")));
        // Ending too early would read the data's names; ending late would miss the action after it.
        for (int split = 1; split < clean.length; split++) {
            int at = split;
            assertThatCode(() -> scanSplitAt(clean, at)).as("split at %d", at).doesNotThrowAnyException();
            assertThatThrownBy(() -> scanSplitAt(activeAfter, at))
                    .as("split at %d", at)
                    .isInstanceOf(ActivePdfContentException.class)
                    .hasMessageContaining("/JavaScript");
        }
        for (int i = 0; i < 100; i++) {
            assertThatCode(() -> scanInRandomPieces(clean, random)).doesNotThrowAnyException();
            assertThatThrownBy(() -> scanInRandomPieces(activeAfter, random))
                    .isInstanceOf(ActivePdfContentException.class);
        }
        assertThatCode(() -> scanAllWays(clean)).doesNotThrowAnyException();
    }

    private static void scanSplitAt(byte[] pdf, int split) {
        PdfActiveContentScanner scanner = new PdfActiveContentScanner(1 << 20);
        scanner.update(pdf, 0, split);
        scanner.update(pdf, split, pdf.length - split);
        scanner.finish(pdf.length);
    }

    @Test
    void aDirectLengthWithLeadingZerosIsADirectLength() {
        // Readers read /Length 00000000000000000022 as 22: the data is counted, and a lie is refused.
        byte[] data = ascii("0123456789 /JavaScript");
        byte[] honest = TestFiles.pdfObjects(List.of(
                ascii("<< /Type /Catalog >>"),
                concat(ascii("<< /Length 00000000000000000022 >>\nstream\n"), data, ascii("\nendstream"))));
        assertThatCode(() -> scanAllWays(honest)).doesNotThrowAnyException();
        byte[] lying = TestFiles.pdfObjects(List.of(
                ascii("<< /Type /Catalog >>"),
                concat(ascii("<< /Length 00000000000000000005 >>\nstream\n"), data, ascii("\nendstream"))));
        assertThatThrownBy(() -> scan(lying, 4096))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("/Length");
    }

    @Test
    void aLyingDirectLengthIsRefused() {
        // Length says 5 but the data is longer: readers would resynchronise on 'endstream' and parse what we skipped.
        byte[] pdf = TestFiles.pdfObjects(List.of(
                ascii("<< /Type /Catalog >>"),
                concat(ascii("<< /Length 5 >>\nstream\n"), ascii("0123456789 /Whatever"), ascii("\nendstream"))));
        assertThatThrownBy(() -> scan(pdf, 4096))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("/Length");
    }

    @Test
    void binaryStreamDataIsNotMistakenForNames() {
        // A JPEG image stream whose bytes happen to contain "/JS " is data, not a dictionary.
        byte[] image = concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, ascii("/JS /JavaScript "), new byte[100]);
        byte[] pdf = TestFiles.pdfObjects(List.of(
                ascii("<< /Type /Catalog >>"),
                streamObject("/Type /XObject /Subtype /Image /Filter /DCTDecode /Width 1 /Height 1", image)));
        assertThatCode(() -> scanAllWays(pdf)).doesNotThrowAnyException();
    }

    @Test
    void aDeflateBombIsCutOff() {
        byte[] bomb = deflate(new byte[4 << 20]);
        byte[] pdf = TestFiles.pdfObjects(
                List.of(ascii("<< /Type /Catalog >>"), streamObject("/Filter /FlateDecode", bomb)));
        assertThatThrownBy(() -> scan(pdf, 4096))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("decompression bomb");
    }

    @Test
    void randomBytesAfterAPdfHeaderNeverCrashTheScanner() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            byte[] junk = new byte[random.nextInt(3000)];
            random.nextBytes(junk);
            if (i % 2 == 0) {
                // Sprinkle PDF keywords so that the structure tracker is exercised.
                byte[] words = ascii(" obj << /Filter /FlateDecode /Length 10 >> stream\n endstream /ObjStm ");
                System.arraycopy(words, 0, junk, 0, Math.min(words.length, junk.length));
            }
            byte[] pdf = concat(ascii("%PDF-1.7\n"), junk);
            try {
                scan(pdf, 1 + random.nextInt(700));
            } catch (ActivePdfContentException | MalformedFileException expected) {
                // Typed refusals are fine; anything else is a bug.
            }
        }
    }
}
