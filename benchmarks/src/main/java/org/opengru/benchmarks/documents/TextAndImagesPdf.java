package org.opengru.benchmarks.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** A text-and-image PDF written by PDFBox (object streams, a cross-reference stream), grown to a target size. */
final class TextAndImagesPdf {
    private TextAndImagesPdf() {}

    static byte[] build(long targetBytes) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        BufferedImage photo = new BufferedImage(900, 1200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                int grey = 120 + random.nextInt(100);
                photo.setRGB(x, y, (grey << 16) | ((grey - 20) << 8) | (x * 255 / photo.getWidth()));
            }
        }
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDImageXObject image = null;
            long estimate = 0;
            int page = 0;
            while (estimate < targetBytes) {
                PDPage p = new PDPage(PDRectangle.A4);
                doc.addPage(p);
                if (page % 2 == 0 || image == null) {
                    image = JPEGFactory.createFromImage(doc, photo, 0.9f);
                    estimate += image.getCOSObject().getLength();
                }
                try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                    cs.drawImage(image, 50, 400, 300, 400);
                    cs.beginText();
                    cs.setFont(font, 9);
                    cs.newLineAtOffset(50, 380);
                    for (int line = 0; line < 40; line++) {
                        cs.showText("Ligne " + line + " de la page " + page
                                + " : avis d'imposition, justificatif de domicile, attestation.");
                        cs.newLineAtOffset(0, -9);
                        estimate += 90;
                    }
                    cs.endText();
                }
                page++;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
