package org.opengru.documents.ingest.internal;

import org.opengru.documents.ingest.MalformedFileException;

/** WebP: the first chunk after {@code RIFF....WEBP} is VP8 (lossy), VP8L (lossless) or VP8X (extended). */
public final class WebpHeaderInspector extends HeadInspector {
    private final long maxPixels;

    public WebpHeaderInspector(long maxPixels) {
        super(30);
        this.maxPixels = maxPixels;
    }

    @Override
    void check(byte[] h) {
        String chunk = new String(h, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        switch (chunk) {
            case "VP8 " -> {
                if ((h[23] & 0xFF) != 0x9D || (h[24] & 0xFF) != 0x01 || (h[25] & 0xFF) != 0x2A) {
                    throw new MalformedFileException("the WebP VP8 frame has no start code");
                }
                ImageDimensions.check("WebP", u16le(h, 26) & 0x3FFF, u16le(h, 28) & 0x3FFF, maxPixels);
            }
            case "VP8L" -> {
                if ((h[20] & 0xFF) != 0x2F) {
                    throw new MalformedFileException("the WebP VP8L chunk has no signature");
                }
                long bits = u32le(h, 21);
                ImageDimensions.check("WebP", (bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1, maxPixels);
            }
            case "VP8X" -> ImageDimensions.check("WebP", u24le(h, 24) + 1L, u24le(h, 27) + 1L, maxPixels);
            default -> throw new MalformedFileException("the WebP file has no VP8, VP8L or VP8X chunk first");
        }
    }
}
