package org.opengru.documents.sniff;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the magic bytes say a file is.
 *
 * @param mediaType the detected media type, {@code application/octet-stream} when nothing matched
 * @param description a human-readable name for error messages ("Windows executable", ...)
 * @param allowed the allow-listed type when the file is one, else {@code null}
 */
public record DetectedType(
        String mediaType, String description, @Nullable AllowedMediaType allowed) {

    /**
     * Checks the type.
     *
     * @param mediaType the detected media type, {@code application/octet-stream} when nothing matched
     * @param description a human-readable name for error messages ("Windows executable", ...)
     * @param allowed the allow-listed type when the file is one, else {@code null}
     * @throws NullPointerException when the media type or the description is missing
     */
    public DetectedType {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(description, "description");
    }

    static DetectedType allowed(AllowedMediaType type, String description) {
        return new DetectedType(type.mediaType(), description, type);
    }

    static DetectedType refused(String mediaType, String description) {
        return new DetectedType(mediaType, description, null);
    }

    /**
     * The allow-listed type, empty when the file is not on the allow-list.
     *
     * @return the type, or empty
     */
    public Optional<AllowedMediaType> allowedType() {
        return Optional.ofNullable(allowed);
    }
}
