package org.opengru.documents.ingest;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.opengru.documents.sniff.AllowedMediaType;

/**
 * The limits applied to every upload. Immutable; build with {@link #builder()} or take {@link
 * #defaults()}.
 *
 * @param maxBytes the largest accepted file per media type (a type absent here is refused)
 * @param maxPixels the largest pixel count an image header may announce
 * @param maxPdfInflatedBytes the most bytes the PDF check inflates in total, over the streams it must read
 *     (object streams, cross-reference streams, XFA); image and page content data is never inflated
 */
public record IngestionPolicy(Map<AllowedMediaType, Long> maxBytes, long maxPixels, long maxPdfInflatedBytes) {

    /**
     * Checks the limits and copies the map.
     *
     * @param maxBytes the largest accepted file per media type (a type absent here is refused)
     * @param maxPixels the largest pixel count an image header may announce
     * @param maxPdfInflatedBytes the most bytes the PDF check inflates in total, over the streams it must read (object
     *     streams, cross-reference streams, XFA); image and page content data is never inflated
     * @throws IllegalArgumentException when no type is accepted or a limit is not positive
     */
    public IngestionPolicy {
        maxBytes = Map.copyOf(Objects.requireNonNull(maxBytes, "maxBytes"));
        if (maxBytes.isEmpty()) {
            throw new IllegalArgumentException("maxBytes: at least one media type must be accepted");
        }
        maxBytes.forEach((type, max) -> {
            if (max == null || max <= 0) {
                throw new IllegalArgumentException("maxBytes of " + type + " must be positive, got " + max);
            }
        });
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        if (maxPdfInflatedBytes <= 0) {
            throw new IllegalArgumentException("maxPdfInflatedBytes must be positive, got " + maxPdfInflatedBytes);
        }
    }

    /**
     * 20 MiB per PDF, 15 MiB per image, 80 megapixels, 256 MiB of inflated PDF object streams.
     *
     * @return the default policy
     */
    public static IngestionPolicy defaults() {
        return builder().build();
    }

    /**
     * Starts from the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The largest file of any accepted type: the limit before the type is known.
     *
     * @return the limit in bytes
     */
    public long maxBytesOfAnyType() {
        return maxBytes.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    /**
     * Whether the policy accepts that type at all.
     *
     * @param type the type
     * @return {@code true} when it has a size limit
     */
    public boolean accepts(AllowedMediaType type) {
        return maxBytes.containsKey(type);
    }

    /** A checking builder. */
    public static final class Builder {
        private final Map<AllowedMediaType, Long> maxBytes = new EnumMap<>(AllowedMediaType.class);
        private long maxPixels = 80_000_000L;
        private long maxPdfInflatedBytes = 256L << 20;

        private Builder() {
            maxBytes.put(AllowedMediaType.PDF, 20L << 20);
            for (AllowedMediaType t : AllowedMediaType.values()) {
                if (t.isImage()) {
                    maxBytes.put(t, 15L << 20);
                }
            }
        }

        /**
         * Sets the limit for one type.
         *
         * @param type the type
         * @param max the limit in bytes, positive
         * @return this builder
         */
        public Builder maxBytes(AllowedMediaType type, long max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxBytes of " + type + " must be positive, got " + max);
            }
            maxBytes.put(Objects.requireNonNull(type, "type"), max);
            return this;
        }

        /**
         * Sets the same limit for every accepted type.
         *
         * @param max the limit in bytes, positive
         * @return this builder
         */
        public Builder maxBytesForAll(long max) {
            for (AllowedMediaType t : maxBytes.keySet()) {
                maxBytes(t, max);
            }
            return this;
        }

        /**
         * Stops accepting a type.
         *
         * @param type the type to refuse
         * @return this builder
         */
        public Builder refuse(AllowedMediaType type) {
            maxBytes.remove(type);
            return this;
        }

        /**
         * The largest image accepted, in pixels, read from its header before anything decodes it (a
         * decompression bomb is refused unread).
         *
         * @param max width times height
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxPixels(long max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxPixels must be positive, got " + max);
            }
            this.maxPixels = max;
            return this;
        }

        /**
         * The most a PDF's compressed object streams may inflate to, checked while parsing.
         *
         * @param max bytes
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxPdfInflatedBytes(long max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxPdfInflatedBytes must be positive, got " + max);
            }
            this.maxPdfInflatedBytes = max;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public IngestionPolicy build() {
            return new IngestionPolicy(maxBytes, maxPixels, maxPdfInflatedBytes);
        }
    }
}
