package org.opengru.reports.photo;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.documents.sniff.AllowedMediaType;
import org.opengru.reports.GeoPoint;

/**
 * A photo ready to store: its bytes without metadata, its type, and the position its EXIF held before
 * stripping (a suggestion for the report's location, never stored with the photo).
 *
 * @param bytes the image without metadata
 * @param type JPEG or PNG
 * @param exifPosition the position its EXIF held, or {@code null}
 */
public record ProcessedPhoto(
        byte[] bytes, AllowedMediaType type, @Nullable GeoPoint exifPosition) {

    /**
     * Checks that bytes and type are present.
     *
     * @param bytes the image without metadata
     * @param type JPEG or PNG
     * @param exifPosition the position its EXIF held, or {@code null}
     * @throws NullPointerException naming the missing part
     */
    public ProcessedPhoto {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(type, "type");
    }
}
