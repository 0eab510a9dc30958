package org.opengru.documents.sniff;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The media types the vault accepts (the allow-list), with the file-name extensions that may carry
 * each of them. Everything else is refused, whatever its name.
 */
public enum AllowedMediaType {
    PDF("application/pdf", Set.of("pdf")),
    JPEG("image/jpeg", Set.of("jpg", "jpeg")),
    PNG("image/png", Set.of("png")),
    /** HEIF with HEVC-coded images (photos from iPhones). */
    HEIC("image/heic", Set.of("heic", "heif")),
    HEIF("image/heif", Set.of("heif", "heic")),
    WEBP("image/webp", Set.of("webp"));

    private final String mediaType;
    private final Set<String> extensions;

    AllowedMediaType(String mediaType, Set<String> extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    /** The IANA media type, as served back on download. */
    public String mediaType() {
        return mediaType;
    }

    /** The lower-case extensions (without dot) that may name a file of this type. */
    public Set<String> extensions() {
        return extensions;
    }

    /** Whether a file named with {@code extension} (any case, without dot) may hold this type. */
    public boolean acceptsExtension(String extension) {
        return extensions.contains(extension.toLowerCase(Locale.ROOT));
    }

    /** {@code true} for the image types, whose pixel count is checked before anything decodes them. */
    public boolean isImage() {
        return this != PDF;
    }

    /** The allowed type whose media type is {@code mediaType}, if any. */
    public static Optional<AllowedMediaType> ofMediaType(String mediaType) {
        for (AllowedMediaType t : values()) {
            if (t.mediaType.equals(mediaType)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
