package org.opengru.documents.sniff;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The media types the vault accepts (the allow-list), with the file-name extensions that may carry
 * each of them. Everything else is refused, whatever its name.
 */
public enum AllowedMediaType {
    /** PDF, whose structure is checked (no JavaScript, no encryption, no polyglot). */
    PDF("application/pdf", Set.of("pdf")),
    /** JPEG photos and scans. */
    JPEG("image/jpeg", Set.of("jpg", "jpeg")),
    /** PNG images. */
    PNG("image/png", Set.of("png")),
    /** HEIF with HEVC-coded images (photos from iPhones). */
    HEIC("image/heic", Set.of("heic", "heif")),
    /** HEIF with other codecs. */
    HEIF("image/heif", Set.of("heif", "heic")),
    /** WebP images. */
    WEBP("image/webp", Set.of("webp"));

    private final String mediaType;
    private final Set<String> extensions;

    AllowedMediaType(String mediaType, Set<String> extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    /**
     * The IANA media type, as served back on download.
     *
     * @return the media type
     */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The lower-case extensions (without dot) that may name a file of this type.
     *
     * @return the extensions
     */
    public Set<String> extensions() {
        return extensions;
    }

    /**
     * Whether a file named with {@code extension} (any case, without dot) may hold this type.
     *
     * @param extension the file name's extension
     * @return {@code true} when the name agrees with the content
     */
    public boolean acceptsExtension(String extension) {
        return extensions.contains(extension.toLowerCase(Locale.ROOT));
    }

    /**
     * {@code true} for the image types, whose pixel count is checked before anything decodes them.
     *
     * @return whether it is an image
     */
    public boolean isImage() {
        return this != PDF;
    }

    /**
     * The allowed type whose media type is {@code mediaType}, if any.
     *
     * @param mediaType a media type such as {@code image/png}
     * @return the type, or empty
     */
    public static Optional<AllowedMediaType> ofMediaType(String mediaType) {
        for (AllowedMediaType t : values()) {
            if (t.mediaType.equals(mediaType)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
