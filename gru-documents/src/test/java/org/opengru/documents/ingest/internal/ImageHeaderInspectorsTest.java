package org.opengru.documents.ingest.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.opengru.documents.TestFiles;
import org.opengru.documents.ingest.ImageTooLargeException;
import org.opengru.documents.ingest.MalformedFileException;

class ImageHeaderInspectorsTest {

    private static void inspect(StreamInspector inspector, byte[] file, int piece) {
        for (int i = 0; i < file.length; i += piece) {
            inspector.update(file, i, Math.min(piece, file.length - i));
        }
        inspector.finish(file.length);
    }

    /** Accepts exactly {@code width*height} pixels and refuses one less, whatever the chunking. */
    private static void checksExactPixelCount(LongFunction<StreamInspector> factory, byte[] file, long pixels) {
        for (int piece : new int[] {1, 3, 17, 65536}) {
            assertThatCode(() -> inspect(factory.apply(pixels), file, piece)).doesNotThrowAnyException();
            assertThatThrownBy(() -> inspect(factory.apply(pixels - 1), file, piece))
                    .isInstanceOf(ImageTooLargeException.class);
        }
    }

    @Test
    void pngFromImageIo() {
        checksExactPixelCount(PngHeaderInspector::new, TestFiles.png(37, 23), 37 * 23);
    }

    @Test
    void jpegFromImageIoAndWithALargeExifBlock() {
        checksExactPixelCount(JpegHeaderInspector::new, TestFiles.jpeg(41, 29), 41 * 29);
        checksExactPixelCount(JpegHeaderInspector::new, TestFiles.jpegHeader(4000, 3000, 60_000), 12_000_000);
    }

    @Test
    void webpInItsThreeFlavours() {
        checksExactPixelCount(WebpHeaderInspector::new, TestFiles.webpVp8x(5000, 4000), 20_000_000);
        checksExactPixelCount(WebpHeaderInspector::new, TestFiles.webpVp8l(16384, 16384), 16384L * 16384);
        checksExactPixelCount(WebpHeaderInspector::new, TestFiles.webpVp8(1920, 1080), 1920 * 1080);
    }

    @Test
    void heifWithMetaBeforeOrAfterTheImageData() {
        checksExactPixelCount(
                HeifHeaderInspector::new, TestFiles.heic("heic", 4032, 3024, 100_000, true), 4032L * 3024);
        checksExactPixelCount(
                HeifHeaderInspector::new, TestFiles.heic("heic", 4032, 3024, 100_000, false), 4032L * 3024);
    }

    @Test
    void truncatedOrHeaderlessImagesAreMalformed() {
        byte[] png = TestFiles.png(10, 10);
        assertThatThrownBy(() -> inspect(new PngHeaderInspector(1000), Arrays.copyOf(png, 20), 5))
                .isInstanceOf(MalformedFileException.class);
        byte[] jpeg = TestFiles.jpegHeader(10, 10, 0);
        assertThatThrownBy(() -> inspect(new JpegHeaderInspector(1000), Arrays.copyOf(jpeg, 22), 5))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("frame header");
        byte[] heic = TestFiles.heic("heic", 10, 10, 50, false);
        assertThatThrownBy(() -> inspect(new HeifHeaderInspector(1000), Arrays.copyOf(heic, heic.length - 10), 7))
                .isInstanceOf(MalformedFileException.class);
        assertThatThrownBy(() -> inspect(new PngHeaderInspector(1000), TestFiles.pixelFloodPng(0, 10), 64))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("0 x 10");
    }
}
