package org.opengru.reports.photo;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.documents.sniff.AllowedMediaType;
import org.opengru.reports.GeoPoint;

/**
 * A photo ready to store: its bytes without metadata, its type, and the position its EXIF held before
 * stripping (a suggestion for the report's location, never stored with the photo).
 */
public record ProcessedPhoto(
        byte[] bytes, AllowedMediaType type, @Nullable GeoPoint exifPosition) {

    public ProcessedPhoto {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(type, "type");
    }
}
