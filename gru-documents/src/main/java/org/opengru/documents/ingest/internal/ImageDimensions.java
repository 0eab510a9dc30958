package org.opengru.documents.ingest.internal;

import java.util.Locale;
import org.opengru.documents.ingest.ImageTooLargeException;
import org.opengru.documents.ingest.MalformedFileException;

/** The pixel-count rule shared by the image header inspectors. */
final class ImageDimensions {
    private ImageDimensions() {}

    static void check(String format, long width, long height, long maxPixels) {
        if (width <= 0 || height <= 0) {
            throw new MalformedFileException(
                    String.format(Locale.ROOT, "the %s header gives no usable size (%d x %d)", format, width, height));
        }
        if (width * height > maxPixels) {
            throw new ImageTooLargeException(String.format(
                    Locale.ROOT,
                    "the %s header announces %d x %d = %d pixels, more than the %d allowed (decompression bomb)",
                    format,
                    width,
                    height,
                    width * height,
                    maxPixels));
        }
    }
}
