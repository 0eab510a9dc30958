package org.opengru.reports.photo;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.opengru.core.error.ValidationException;
import org.opengru.documents.sniff.AllowedMediaType;
import org.opengru.documents.sniff.ContentSniffer;
import org.opengru.documents.sniff.DetectedType;
import org.opengru.reports.GeoPoint;
import org.opengru.reports.ReportRefusal;

/**
 * Checks a photo, reads its EXIF position, and strips what could locate or name the person who took it.
 *
 * <ul>
 *   <li>What the file is comes from its first bytes (gru-documents' {@link ContentSniffer}), never from
 *       its name: JPEG, PNG and WebP are taken; HEIC and HEIF are refused with their own French reason
 *       (below); anything else is refused as not a photo.
 *   <li>The size in pixels is read from the header before anything decodes the image (a small file can
 *       claim a huge image).
 *   <li>JPEG: the EXIF (Commons Imaging's {@link ExifRewriter}), XMP and IPTC segments are removed without
 *       re-encoding. PNG: the image is decoded and written again, which keeps the pixels only (no
 *       {@code eXIf}, text or time chunks). WebP: the RIFF container is written again with the image's
 *       chunks only ({@code VP8 }, {@code VP8L}, {@code VP8X}, {@code ALPH}, {@code ANIM}, {@code ANMF},
 *       {@code ICCP}), so {@code EXIF}, {@code XMP } and any unknown chunk are dropped and the {@code VP8X}
 *       flags no longer announce them; the compressed image is kept as it is (no WebP encoder is needed,
 *       and Commons Imaging reads WebP but does not write it).
 *   <li>HEIC and HEIF: {@link #position} reads their EXIF position (metadata-extractor reads HEIF), so the
 *       location is still suggested, but the photo is refused ({@link ReportRefusal#PHOTO_HEIC}): no
 *       well-kept Java library writes HEIF or decodes its HEVC image (Commons Imaging has no HEIF support;
 *       the decoders are native, libheif with libde265), so its metadata cannot be stripped, nor the image
 *       converted, here. Phones can send JPEG instead, and browsers upload iPhone photos as JPEG unless the
 *       original is asked for.
 *   <li>The result is read back with metadata-extractor and refused if a GPS directory is still there:
 *       a photo that cannot be proven clean is not stored.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class PhotoProcessor {

    private final long maxBytes;
    private final long maxPixels;
    private final ContentSniffer sniffer = new ContentSniffer();

    /**
     * A processor refusing files and images above these sizes.
     *
     * @param maxBytes the largest file taken
     * @param maxPixels the largest image taken (width × height)
     */
    public PhotoProcessor(long maxBytes, long maxPixels) {
        if (maxBytes < 1024) {
            throw new ValidationException("photos.maxBytes", maxBytes, "must be at least 1024");
        }
        if (maxPixels < 1) {
            throw new ValidationException("photos.maxPixels", maxPixels, "must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
    }

    /**
     * 10 MB and 40 megapixels: a phone's photo.
     *
     * @return the processor
     */
    public static PhotoProcessor defaults() {
        return new PhotoProcessor(10L * 1024 * 1024, 40_000_000L);
    }

    /**
     * The photo checked and stripped, with the position its EXIF gave.
     *
     * @param field the field to name in a refusal, such as {@code photos[0]}
     * @throws ValidationException with a French reason: not an image, too large, unreadable
     * @param bytes the file as uploaded
     * @return the stripped photo and its EXIF position
     */
    public ProcessedPhoto process(String field, byte[] bytes) {
        AllowedMediaType type = check(field, bytes);
        GeoPoint position = position(bytes).orElse(null);
        byte[] clean;
        try {
            clean = switch (type) {
                case JPEG -> stripJpeg(bytes);
                case WEBP -> stripWebp(bytes);
                default -> reencodePng(field, bytes);
            };
        } catch (IOException | RuntimeException e) {
            throw ReportRefusal.PHOTO_UNREADABLE.refuse(field, bytes.length + " bytes", "could not be stripped: " + e);
        }
        if (!provenClean(clean)) {
            throw ReportRefusal.PHOTO_UNREADABLE.refuse(field, bytes.length + " bytes", "still has GPS tags");
        }
        return new ProcessedPhoto(clean, type, position);
    }

    /**
     * The position in the photo's EXIF, if it has a usable one (not 0, 0). Never throws on bad input.
     *
     * @param bytes the file as uploaded
     * @return the position, or empty
     */
    public Optional<GeoPoint> position(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
                GeoLocation location = gps.getGeoLocation();
                if (location != null && !location.isZero()) {
                    return Optional.of(new GeoPoint(location.getLatitude(), location.getLongitude()));
                }
            }
            return Optional.empty();
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the bytes carry a GPS directory (any tag), as metadata-extractor reads them.
     *
     * @param bytes the file
     * @return {@code true} when a GPS directory is present
     */
    public static boolean hasGps(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            return metadata.containsDirectoryOfType(GpsDirectory.class);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return false;
        }
    }

    /** Read back and found without GPS; unreadable counts as not proven. */
    private static boolean provenClean(byte[] bytes) {
        try {
            return !ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes))
                    .containsDirectoryOfType(GpsDirectory.class);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return false;
        }
    }

    private AllowedMediaType check(String field, byte[] bytes) {
        if (bytes.length > maxBytes) {
            throw ReportRefusal.PHOTO_TOO_LARGE.refuse(
                    field, bytes.length + " bytes", "is over " + maxBytes + " bytes");
        }
        DetectedType detected = sniffer.sniff(bytes, Math.min(bytes.length, ContentSniffer.HEAD_LENGTH));
        AllowedMediaType type = detected.allowedType().orElse(null);
        if (type == AllowedMediaType.HEIC || type == AllowedMediaType.HEIF) {
            throw ReportRefusal.PHOTO_HEIC.refuse(
                    field, detected.description(), "HEIF metadata cannot be stripped by any library here");
        }
        if (type != AllowedMediaType.JPEG && type != AllowedMediaType.PNG && type != AllowedMediaType.WEBP) {
            throw ReportRefusal.PHOTO_NOT_IMAGE.refuse(
                    field, detected.description(), "is not a JPEG, PNG or WebP image");
        }
        Dimension size;
        try {
            size = Imaging.getImageSize(bytes);
        } catch (IOException | RuntimeException e) {
            throw ReportRefusal.PHOTO_UNREADABLE.refuse(field, detected.description(), "has no readable size: " + e);
        }
        if (size.width < 1 || size.height < 1 || (long) size.width * size.height > maxPixels) {
            throw ReportRefusal.PHOTO_TOO_LARGE.refuse(
                    field, size.width + "x" + size.height, "is over " + maxPixels + " pixels");
        }
        return type;
    }

    private static byte[] stripJpeg(byte[] bytes) throws IOException {
        ByteArrayOutputStream noExif = new ByteArrayOutputStream(bytes.length);
        new ExifRewriter().removeExifMetadata(bytes, noExif);
        ByteArrayOutputStream noXmp = new ByteArrayOutputStream(bytes.length);
        new JpegXmpRewriter().removeXmpXml(noExif.toByteArray(), noXmp);
        ByteArrayOutputStream noIptc = new ByteArrayOutputStream(bytes.length);
        try {
            new JpegIptcRewriter().removeIptc(noXmp.toByteArray(), noIptc);
        } catch (ImagingException e) {
            return noXmp.toByteArray(); // no IPTC block to remove
        }
        return noIptc.toByteArray();
    }

    /** The WebP chunks that make the image; anything else (EXIF, XMP, unknown) is dropped. */
    private static final Set<String> WEBP_IMAGE_CHUNKS = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");

    /** The {@code VP8X} flags that announce EXIF (E) and XMP (X) chunks. */
    private static final int VP8X_EXIF_AND_XMP = 0x08 | 0x04;

    /** The RIFF container again with the image chunks only, its size and the VP8X flags set to match. */
    static byte[] stripWebp(byte[] in) throws IOException {
        if (in.length < 20 || !fourcc(in, 0).equals("RIFF") || !fourcc(in, 8).equals("WEBP")) {
            throw new IOException("not a RIFF WebP container");
        }
        ByteBuffer le = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN);
        long riffEnd = 8 + Integer.toUnsignedLong(le.getInt(4));
        if (riffEnd > in.length) {
            throw new IOException("the RIFF size " + (riffEnd - 8) + " runs past the file's " + in.length + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 12);
        boolean image = false;
        long p = 12;
        while (p < riffEnd) {
            if (p + 8 > riffEnd) {
                throw new IOException("a chunk header is cut at byte " + p);
            }
            String id = fourcc(in, (int) p);
            long size = Integer.toUnsignedLong(le.getInt((int) p + 4));
            long dataEnd = p + 8 + size;
            if (dataEnd > riffEnd) {
                throw new IOException("chunk " + id + " of " + size + " bytes runs past the RIFF container");
            }
            if (WEBP_IMAGE_CHUNKS.contains(id)) {
                byte[] chunk = Arrays.copyOfRange(in, (int) p, (int) dataEnd);
                if (id.equals("VP8X") && size >= 1) {
                    chunk[8] &= (byte) ~VP8X_EXIF_AND_XMP;
                }
                out.write(chunk);
                if ((size & 1) == 1) {
                    out.write(0); // RIFF pads odd chunks to an even length
                }
                image |= !id.equals("VP8X") && !id.equals("ICCP");
            }
            p = dataEnd + (size & 1);
        }
        if (!image) {
            throw new IOException("no image chunk");
        }
        byte[] clean = out.toByteArray();
        ByteBuffer.wrap(clean).order(ByteOrder.LITTLE_ENDIAN).putInt(4, clean.length - 8);
        return clean;
    }

    private static String fourcc(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII);
    }

    private static byte[] reencodePng(String field, byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            throw ReportRefusal.PHOTO_UNREADABLE.refuse(field, bytes.length + " bytes", "does not decode as PNG");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }
}
