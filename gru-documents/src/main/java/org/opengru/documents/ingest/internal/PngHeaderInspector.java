package org.opengru.documents.ingest.internal;

import org.opengru.documents.ingest.MalformedFileException;

/** PNG: the IHDR chunk must come first, right after the 8-byte signature, and gives width and height. */
public final class PngHeaderInspector extends HeadInspector {
    private final long maxPixels;

    public PngHeaderInspector(long maxPixels) {
        super(24);
        this.maxPixels = maxPixels;
    }

    @Override
    void check(byte[] h) {
        if (u32be(h, 8) != 13 || h[12] != 'I' || h[13] != 'H' || h[14] != 'D' || h[15] != 'R') {
            throw new MalformedFileException("the PNG does not start with an IHDR chunk");
        }
        ImageDimensions.check("PNG", u32be(h, 16), u32be(h, 20), maxPixels);
    }
}
