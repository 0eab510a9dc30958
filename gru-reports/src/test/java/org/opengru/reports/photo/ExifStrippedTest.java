package org.opengru.reports.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengru.reports.ReportsFixture.CENTRE;
import static org.opengru.reports.ReportsFixture.TENANT;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.UsagerId;
import org.opengru.documents.sniff.AllowedMediaType;
import org.opengru.reports.Filing;
import org.opengru.reports.GeoPoint;
import org.opengru.reports.ReportStore;
import org.opengru.reports.Reporter;
import org.opengru.reports.ReportsFixture;

/** The photo's EXIF position suggests the location, then the stored photo has no GPS tag left. */
class ExifStrippedTest {

    private final PhotoProcessor photos = PhotoProcessor.defaults();
    private final GeoPoint taken = new GeoPoint(48.8512, 2.3498);

    @Test
    void theExifPositionIsReadThenStrippedFromAJpeg() throws Exception {
        byte[] original = ReportsFixture.jpeg(taken, "Claire Martin, 12 rue des Lilas");
        assertThat(PhotoProcessor.hasGps(original))
                .as("the fixture carries GPS tags")
                .isTrue();

        ProcessedPhoto p = photos.process("photos[0]", original);

        assertThat(p.exifPosition()).isNotNull();
        assertThat(p.exifPosition().lat()).isCloseTo(taken.lat(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(p.exifPosition().lon()).isCloseTo(taken.lon(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(PhotoProcessor.hasGps(p.bytes())).isFalse();
        assertThat(tags(p.bytes())).noneMatch(t -> t.contains("Claire")).noneMatch(t -> t.startsWith("GPS"));
        assertThat(ImageIO.read(new ByteArrayInputStream(p.bytes())))
                .as("still a picture")
                .satisfies(img -> assertThat(img.getWidth()).isEqualTo(32));
    }

    @Test
    void theStoredPhotoOfAFiledReportHasNoGpsTags() {
        ReportsFixture f = new ReportsFixture(ReportStore.inMemory());
        Reporter claire = Reporter.resident(UsagerId.of(UUID.randomUUID()));

        assertThat(f.service.suggestLocation(TENANT, ReportsFixture.jpeg(taken, null)))
                .contains(new GeoPoint(
                        photos.position(ReportsFixture.jpeg(taken, null))
                                .orElseThrow()
                                .lat(),
                        photos.position(ReportsFixture.jpeg(taken, null))
                                .orElseThrow()
                                .lon()));
        Filing filing = f.service.file(f.draft(claire).at(CENTRE).photo(ReportsFixture.jpeg(taken, "Claire")));

        assertThat(filing.photoPosition()).isNotNull();
        byte[] stored = f.blobs.read(filing.report().photos().get(0).blob());
        assertThat(PhotoProcessor.hasGps(stored)).isFalse();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Claire");
        assertThat(filing.report().photos().get(0).mediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void aPositionOutsideTheCommuneIsNotSuggested() {
        ReportsFixture f = new ReportsFixture(ReportStore.inMemory());

        assertThat(f.service.suggestLocation(TENANT, ReportsFixture.jpeg(ReportsFixture.AILLEURS, null)))
                .isEmpty();
        assertThat(f.service.suggestLocation(TENANT, ReportsFixture.plainJpeg()))
                .isEmpty();
        assertThat(f.service.suggestLocation(TENANT, "pas une image".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void aPngIsWrittenAgainWithoutItsChunks() throws Exception {
        ProcessedPhoto p = photos.process("photos[0]", ReportsFixture.png());

        assertThat(p.type().mediaType()).isEqualTo("image/png");
        assertThat(PhotoProcessor.hasGps(p.bytes())).isFalse();
        assertThat(ImageIO.read(new ByteArrayInputStream(p.bytes())).getHeight())
                .isEqualTo(24);
    }

    @Test
    void whatIsNotAJpegOrAPngIsRefusedAsNotAPhoto() {
        for (byte[] bad : List.of(
                "GIF89a....".getBytes(StandardCharsets.US_ASCII),
                "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1),
                new byte[0])) {
            assertThatThrownBy(() -> photos.process("photos[0]", bad))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("photos[0]");
                        assertThat(e.violations().get(0).code()).isEqualTo("report.photo-not-image");
                    });
        }
    }

    /**
     * Issue 24: a WebP photo's EXIF position is read, then its EXIF chunk is dropped. The file was made here,
     * without network, from a generated 64×48 PNG: {@code cwebp -q 80 base.png -o gps.webp}, then {@code
     * exiftool -GPSLatitude=48.8566 -GPSLatitudeRef=N -GPSLongitude=2.3522 -GPSLongitudeRef=E
     * -Artist="Anne Canari" gps.webp} (Debian's webp and libimage-exiftool-perl).
     */
    @Test
    void theExifPositionIsReadThenStrippedFromAWebp() throws Exception {
        byte[] original = resource("gps.webp");
        assertThat(PhotoProcessor.hasGps(original))
                .as("the file carries GPS tags")
                .isTrue();

        ProcessedPhoto p = photos.process("photos[0]", original);

        assertThat(p.type()).isEqualTo(AllowedMediaType.WEBP);
        assertThat(p.exifPosition()).isNotNull();
        assertThat(p.exifPosition().lat()).isCloseTo(48.8566, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(p.exifPosition().lon()).isCloseTo(2.3522, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(PhotoProcessor.hasGps(p.bytes())).isFalse();
        assertThat(tags(p.bytes())).noneMatch(t -> t.contains("Canari")).noneMatch(t -> t.startsWith("GPS"));
        assertThat(new String(p.bytes(), StandardCharsets.ISO_8859_1))
                .doesNotContain("EXIF")
                .doesNotContain("Exif");
        assertThat(Imaging.getImageSize(p.bytes()))
                .as("still a WebP image, read by Commons Imaging")
                .isEqualTo(new java.awt.Dimension(64, 48));
    }

    /**
     * Issue 24: a HEIC photo's EXIF position still suggests the location, but the photo is refused with a
     * French reason: nothing here can strip HEIF metadata (see {@link PhotoProcessor}). Made like the WebP:
     * {@code heif-enc -q 50 base.png -o gps.heic} (Debian's libheif-examples), then the same exiftool line.
     */
    @Test
    void aHeicPhotoSuggestsItsPositionButIsRefusedWithAFrenchReason() throws Exception {
        byte[] heic = resource("gps.heic");

        assertThat(photos.position(heic))
                .hasValueSatisfying(
                        g -> assertThat(g.lat()).isCloseTo(48.8566, org.assertj.core.data.Offset.offset(1e-4)));
        assertThatThrownBy(() -> photos.process("photos[0]", heic))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("photos[0]");
                    assertThat(e.violations().get(0).code()).isEqualTo("report.photo-heic");
                    assertThat(e.violations().get(0).french()).contains("HEIC").contains("JPEG");
                });
    }

    @Test
    void aWebpWhoseChunkRunsPastTheFileIsRefusedAsUnreadable() throws Exception {
        byte[] cut = java.util.Arrays.copyOf(resource("gps.webp"), 200);
        assertThatThrownBy(() -> photos.process("photos[0]", cut))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations().get(0).code()).isIn("report.photo-unreadable"));
    }

    private static byte[] resource(String name) throws java.io.IOException {
        try (var in = ExifStrippedTest.class.getResourceAsStream(name)) {
            return java.util.Objects.requireNonNull(in, name).readAllBytes();
        }
    }

    @Test
    void anImageClaimingTooManyPixelsIsRefusedBeforeDecoding() {
        PhotoProcessor tiny = new PhotoProcessor(10_000_000, 100);

        assertThatThrownBy(() -> tiny.process("photos[0]", ReportsFixture.plainJpeg()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo("report.photo-too-large"));
    }

    private static List<String> tags(byte[] bytes) throws Exception {
        Metadata m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
        List<String> out = new ArrayList<>();
        for (Directory d : m.getDirectories()) {
            for (Tag t : d.getTags()) {
                out.add(d.getName() + " " + t.getTagName() + "=" + t.getDescription());
            }
        }
        return out;
    }
}
