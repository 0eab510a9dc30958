package org.opengru.documents.corpus;

import static org.opengru.documents.TestFiles.ascii;
import static org.opengru.documents.TestFiles.concat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.opengru.documents.TestFiles;

/** Files residents really send: scans, forms, PDF/A, phone photos. Each must pass. */
final class LegitimateFiles {
    private LegitimateFiles() {}

    static Map<String, byte[]> all() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("scan-12-pages-300dpi.pdf", scan(12));
        files.put("formulaire.pdf", formWithoutScripts());
        files.put("pdfa.pdf", pdfA());
        files.put("lien-web.pdf", PdfForge.build(Families.uriLink(), PdfForge.Form.PLAIN));
        files.put("pdfbox-texte.pdf", textPdf());
        for (PdfForge.Form form : new PdfForge.Form[] {
            PdfForge.Form.PLAIN,
            PdfForge.Form.OBJECT_STREAM,
            PdfForge.Form.INCREMENTAL_UPDATE,
            PdfForge.Form.BROKEN_XREF,
            PdfForge.Form.HYBRID
        }) {
            files.put(
                    "simple-" + form.name().toLowerCase(java.util.Locale.ROOT) + ".pdf",
                    PdfForge.build(Families.none(), form));
        }
        files.put("photo.jpg", phoneJpeg(false));
        files.put("photo-mpf.jpg", phoneJpeg(true));
        files.put("capture.png", TestFiles.png(640, 480));
        files.put("photo.heic", TestFiles.heic("heic", 4032, 3024, 4096, true));
        files.put("photo-mdat-first.heic", TestFiles.heic("heic", 4032, 3024, 4096, false));
        files.put("image.webp", webp());
        return files;
    }

    private static PDDocument save(PDDocument doc, ByteArrayOutputStream out) throws IOException {
        doc.save(out);
        return doc;
    }

    /**
     * A colour scan at 300 dpi: A4 pages of 2480 x 3508 RGB pixels, FlateDecode (26 MB inflated per
     * page, 313 MB for the document), each page its own image.
     */
    static byte[] scan(int pages) {
        int w = 2480;
        int h = 3508;
        byte[] raster = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                raster[i] = (byte) (240 - (y >> 6));
                raster[i + 1] = (byte) (235 - (x >> 6));
                raster[i + 2] = (byte) ((y / 40) % 7 == 0 && x > 200 && x < 2200 ? 40 : 225);
            }
        }
        byte[] encoded = deflate(raster);
        try (PDDocument doc = new PDDocument()) {
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PDImageXObject image = new PDImageXObject(
                        doc, new ByteArrayInputStream(encoded), COSName.FLATE_DECODE, w, h, 8, PDDeviceRGB.INSTANCE);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            save(doc, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    private static byte[] textPdf() {
        try (PDDocument doc = new PDDocument()) {
            for (int p = 0; p < 3; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 720);
                    cs.showText("Avis d'imposition - page " + (p + 1));
                    cs.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            save(doc, out); // PDFBox 3 writes object streams and a cross-reference stream
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] formWithoutScripts() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            form.setDefaultResources(resources);
            form.setDefaultAppearance("/Helv 0 Tf 0 g");
            PDTextField name = new PDTextField(form);
            name.setPartialName("nom");
            form.getFields().add(name);
            PDAnnotationWidget widget = name.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(72, 700, 300, 20));
            widget.setPage(page);
            page.getAnnotations().add(widget);
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 600, 300, 20));
            PDActionURI uri = new PDActionURI();
            uri.setURI("https://www.service-public.fr/");
            link.setAction(uri);
            page.getAnnotations().add(link);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            save(doc, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pdfA() {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            String xmp = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                    + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                    + "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">"
                    + "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>"
                    + "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xmp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            catalog.setMetadata(metadata);
            PDOutputIntent intent = new PDOutputIntent(
                    doc,
                    new ByteArrayInputStream(
                            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            catalog.addOutputIntent(intent);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            save(doc, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A password-protected PDF (an empty user password opens it without asking, but it is still encrypted). */
    static byte[] encryptedPdf(String userPassword) {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.protect(new StandardProtectionPolicy("proprietaire", userPassword, new AccessPermission()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            save(doc, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A phone photo: JPEG with an Exif APP1 (a little-endian TIFF header and one IFD); with {@code mpf},
     * a second JPEG appended after the first one's EOI, as phones store depth and gain maps (MPF).
     */
    static byte[] phoneJpeg(boolean mpf) {
        byte[] jpeg = TestFiles.jpeg(400, 300);
        ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put(ascii("II")).putShort((short) 42).putInt(8).putShort((short) 1);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) 1)
                .putShort((short) 0);
        tiff.putInt(0);
        byte[] exif = concat(ascii("Exif"), new byte[2], tiff.array());
        byte[] app1 = concat(
                new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) ((exif.length + 2) >> 8), (byte) (exif.length + 2)}, exif);
        byte[] photo = concat(Arrays.copyOfRange(jpeg, 0, 2), app1, Arrays.copyOfRange(jpeg, 2, jpeg.length));
        return mpf ? concat(photo, TestFiles.jpeg(100, 75)) : photo;
    }

    /** A lossless WebP whose RIFF and chunk sizes add up. */
    static byte[] webp() {
        byte[] bitstream = new byte[64];
        bitstream[0] = 0x2F;
        int bits = (320 - 1) | ((240 - 1) << 14);
        ByteBuffer.wrap(bitstream, 1, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(bits);
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + bitstream.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(4 + 8 + bitstream.length).put(ascii("WEBP"));
        b.put(ascii("VP8L")).putInt(bitstream.length).put(bitstream);
        return b.array();
    }
}
