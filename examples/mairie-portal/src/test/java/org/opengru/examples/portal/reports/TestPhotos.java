package org.opengru.examples.portal.reports;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Photos for the signalement tests. */
public final class TestPhotos {

    private TestPhotos() {}

    /** A small JPEG with a GPS position in its EXIF, as a phone writes it (no position when null). */
    public static byte[] jpegAt(Double lat, Double lon) {
        try {
            BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.ORANGE);
            g.fillRect(4, 4, 20, 12);
            g.dispose();
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", plain);
            if (lat == null) {
                return plain.toByteArray();
            }
            TiffOutputSet exif = new TiffOutputSet();
            exif.setGpsInDegrees(lon, lat);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
