package org.opengru.documents.ingest.internal;

import org.opengru.documents.ingest.MalformedFileException;

/**
 * JPEG: walks the marker segments (skipping APPn, DQT, DHT... by their lengths, so an EXIF block of
 * any size costs nothing) until the first SOFn frame header gives height and width. The image data
 * (after SOS) is never looked at; a file reaching SOS or its end without a frame header is refused.
 */
public final class JpegHeaderInspector implements StreamInspector {
    private enum State {
        SOI,
        MARKER_FF,
        MARKER_CODE,
        LENGTH_HIGH,
        LENGTH_LOW,
        FRAME_HEADER,
        SKIP,
        DONE
    }

    private final long maxPixels;
    private State state = State.SOI;
    private int soiSeen;
    private int marker;
    private int segmentLength;
    private long skip;
    private final byte[] frame = new byte[5];
    private int frameLength;

    public JpegHeaderInspector(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    @Override
    public void update(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && state != State.DONE) {
            if (state == State.SKIP) {
                long n = Math.min(skip, end - i);
                i += (int) n;
                skip -= n;
                if (skip == 0) {
                    state = State.MARKER_FF;
                }
                continue;
            }
            int c = b[i++] & 0xFF;
            switch (state) {
                case SOI -> {
                    // FF D8 (the sniffer checked it; kept here so the walker stands alone).
                    if (++soiSeen == 2) {
                        state = State.MARKER_FF;
                    }
                }
                case MARKER_FF -> {
                    if (c != 0xFF) {
                        throw new MalformedFileException("the JPEG has data where a marker was expected");
                    }
                    state = State.MARKER_CODE;
                }
                case MARKER_CODE -> onMarker(c);
                case LENGTH_HIGH -> {
                    segmentLength = c << 8;
                    state = State.LENGTH_LOW;
                }
                case LENGTH_LOW -> {
                    segmentLength |= c;
                    if (segmentLength < 2) {
                        throw new MalformedFileException("the JPEG has a segment of length " + segmentLength);
                    }
                    if (isFrameHeader(marker)) {
                        if (segmentLength < 2 + 5) {
                            throw new MalformedFileException("the JPEG frame header is too short");
                        }
                        frameLength = 0;
                        state = State.FRAME_HEADER;
                    } else {
                        skip = segmentLength - 2;
                        state = skip == 0 ? State.MARKER_FF : State.SKIP;
                    }
                }
                case FRAME_HEADER -> {
                    frame[frameLength++] = (byte) c;
                    if (frameLength == 5) {
                        int height = ((frame[1] & 0xFF) << 8) | (frame[2] & 0xFF);
                        int width = ((frame[3] & 0xFF) << 8) | (frame[4] & 0xFF);
                        ImageDimensions.check("JPEG", width, height, maxPixels);
                        state = State.DONE;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    private void onMarker(int c) {
        if (c == 0xFF) {
            return; // fill byte
        }
        marker = c;
        if (c == 0x01 || (c >= 0xD0 && c <= 0xD7)) {
            state = State.MARKER_FF; // standalone markers
        } else if (c == 0xDA || c == 0xD9 || c == 0xD8 || c == 0x00) {
            throw new MalformedFileException(
                    String.format(java.util.Locale.ROOT, "the JPEG reaches marker 0x%02X before any frame header", c));
        } else {
            state = State.LENGTH_HIGH;
        }
    }

    private static boolean isFrameHeader(int m) {
        return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    }

    @Override
    public void finish(long totalBytes) {
        if (state != State.DONE) {
            throw new MalformedFileException("the JPEG ends before any frame header (SOFn)");
        }
    }
}
