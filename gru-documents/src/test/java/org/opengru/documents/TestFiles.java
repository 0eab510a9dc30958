package org.opengru.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Files generated for the tests: real images from ImageIO, hand-built PDFs, HEIF and WebP headers, hostile variants. */
public final class TestFiles {
    private TestFiles() {}

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A PDF built from object bodies (object i+1 = bodies[i]), with a correct xref table. */
    public static byte[] pdf(String... bodies) {
        List<byte[]> objects = new ArrayList<>();
        for (String b : bodies) {
            objects.add(ascii(b));
        }
        return pdfObjects(objects);
    }

    public static byte[] pdfObjects(List<byte[]> bodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(ascii((i + 1) + " 0 obj\n"));
            out.writeBytes(bodies.get(i));
            out.writeBytes(ascii("\nendobj\n"));
        }
        int xref = out.size();
        StringBuilder x = new StringBuilder("xref\n0 " + (bodies.size() + 1) + "\n0000000000 65535 f \n");
        for (int off : offsets) {
            x.append(String.format("%010d 00000 n \n", off));
        }
        x.append("trailer\n<< /Size ")
                .append(bodies.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        out.writeBytes(ascii(x.toString()));
        return out.toByteArray();
    }

    /** An object body holding a stream with a direct /Length. */
    public static byte[] streamObject(String dictEntries, byte[] data) {
        return concat(
                ascii("<< " + dictEntries + " /Length " + data.length + " >>\nstream\n"), data, ascii("\nendstream"));
    }

    public static byte[] deflate(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** A whole one-page PDF that also holds {@code text} in a string object (padding, scanner markers). */
    public static byte[] pdfHolding(String text) {
        return pdf(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
                "(" + text + ")");
    }

    /** A harmless one-page PDF. */
    public static byte[] cleanPdf() {
        byte[] content = deflate(ascii("BT /F1 24 Tf 72 720 Td (Justificatif de domicile) Tj ET"));
        List<byte[]> objects = List.of(
                ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>"),
                streamObject("/Filter /FlateDecode", content),
                ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
        return pdfObjects(objects);
    }

    /** A PDF whose catalog opens with a JavaScript action, the name written as given (e.g. "J#61vaScript"). */
    public static byte[] pdfWithOpenAction(String actionName, String keyName) {
        return pdf(
                "<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>",
                "<< /Type /Pages /Kids [] /Count 0 >>",
                "<< /Type /Action /S /" + actionName + " /" + keyName + " (app.alert\\(1\\)) >>");
    }

    /** A PDF 1.5 whose JavaScript action hides in a FlateDecode object stream. */
    public static byte[] pdfWithJavaScriptInObjectStream() {
        String inner = "<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>";
        byte[] objStm = deflate(ascii("3 0 " + inner));
        return pdfObjects(List.of(
                ascii("<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>"),
                ascii("<< /Type /Pages /Kids [] /Count 0 >>"),
                streamObject("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", objStm)));
    }

    /** A real ZIP archive holding one small text file. */
    public static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("payload.txt"));
            z.write(ascii("hello from the zip side"));
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A real PNG of the given size, written by ImageIO. */
    public static byte[] png(int width, int height) {
        return imageIo("png", width, height);
    }

    /** A real JPEG of the given size, written by ImageIO. */
    public static byte[] jpeg(int width, int height) {
        return imageIo("jpeg", width, height);
    }

    private static byte[] imageIo(String format, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random noise = new java.util.Random(width * 31L + height);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                img.setRGB(x, y, noise.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A pixel-flood PNG: a valid IHDR announcing {@code width x height} pixels, and a tiny IDAT that
     * would inflate to gigabytes of zero rows if anything decoded it.
     */
    public static byte[] pixelFloodPng(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        pngChunk(out, "IHDR", ihdr.array());
        pngChunk(out, "IDAT", deflate(new byte[64 * 1024]));
        pngChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void pngChunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = ascii(type);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A baseline JPEG header (SOI, APP0, SOF0) announcing {@code width x height}, then SOS and EOI. */
    public static byte[] jpegHeader(int width, int height, int app1Bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
        if (app1Bytes > 0) {
            out.writeBytes(
                    new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) ((app1Bytes + 2) >> 8), (byte) (app1Bytes + 2)});
            out.writeBytes(new byte[app1Bytes]);
        }
        out.writeBytes(new byte[] {
            (byte) 0xFF,
            (byte) 0xC0,
            0,
            11,
            8,
            (byte) (height >> 8),
            (byte) height,
            (byte) (width >> 8),
            (byte) width,
            1,
            1,
            0x11,
            0
        });
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 63, 0});
        out.writeBytes(new byte[] {0x12, 0x34, (byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    /** A WebP with a VP8X (extended) header announcing {@code width x height}. */
    public static byte[] webpVp8x(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(30 + 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF"))
                .putInt(30)
                .put(ascii("WEBP"))
                .put(ascii("VP8X"))
                .putInt(10)
                .put((byte) 0)
                .put(new byte[3]);
        put24(b, width - 1);
        put24(b, height - 1);
        b.put(ascii("ALPH")).putInt(0);
        return b.array();
    }

    /** A lossless WebP (VP8L) header announcing {@code width x height} (each at most 16384). */
    public static byte[] webpVp8l(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF"))
                .putInt(24)
                .put(ascii("WEBP"))
                .put(ascii("VP8L"))
                .putInt(5)
                .put((byte) 0x2F);
        b.putInt((width - 1) | ((height - 1) << 14));
        return b.array();
    }

    /** A lossy WebP (VP8) header announcing {@code width x height}. */
    public static byte[] webpVp8(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(40).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(32).put(ascii("WEBP")).put(ascii("VP8 ")).putInt(20);
        b.put(new byte[] {0x10, 0x02, 0x00, (byte) 0x9D, 0x01, 0x2A});
        b.putShort((short) width).putShort((short) height);
        return b.array();
    }

    private static void put24(ByteBuffer b, int v) {
        b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
    }

    /** A HEIC skeleton: ftyp, an mdat of {@code mdatBytes}, then a meta box with iprp/ipco/ispe. */
    public static byte[] heic(String brand, long width, long height, int mdatBytes, boolean metaFirst) {
        byte[] ftyp = box("ftyp", concat(ascii(brand), new byte[4], ascii("mif1"), ascii(brand)));
        byte[] ispe = box(
                "ispe",
                ByteBuffer.allocate(12)
                        .putInt(0)
                        .putInt((int) width)
                        .putInt((int) height)
                        .array());
        byte[] ipco = box("ipco", concat(box("colr", new byte[8]), ispe));
        byte[] iprp = box("iprp", concat(ipco, box("ipma", new byte[8])));
        byte[] meta = box("meta", concat(new byte[4], box("hdlr", new byte[24]), iprp));
        byte[] mdat = box("mdat", new byte[mdatBytes]);
        return metaFirst ? concat(ftyp, meta, mdat) : concat(ftyp, mdat, meta);
    }

    private static byte[] box(String type, byte[] body) {
        return concat(ByteBuffer.allocate(4).putInt(8 + body.length).array(), ascii(type), body);
    }

    /** The start of a Windows executable (MZ header with the DOS stub message). */
    public static byte[] windowsExecutable() {
        byte[] b = new byte[512];
        b[0] = 'M';
        b[1] = 'Z';
        byte[] stub = ascii("This program cannot be run in DOS mode.");
        System.arraycopy(stub, 0, b, 78, stub.length);
        return b;
    }

    /** The EICAR anti-virus test string (harmless; every scanner flags it). */
    public static byte[] eicar() {
        return ascii("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");
    }
}
