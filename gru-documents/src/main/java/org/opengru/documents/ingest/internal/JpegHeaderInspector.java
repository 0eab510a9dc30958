package org.opengru.documents.ingest.internal;

import java.util.Locale;
import org.opengru.documents.ingest.MalformedFileException;
import org.opengru.documents.ingest.PolyglotFileException;

/**
 * JPEG: walks the whole file. Marker segments are skipped by their lengths, the first SOFn frame
 * header gives height and width, the entropy-coded data after each SOS is followed (stuffed bytes,
 * restart markers) to the next marker, and the file must end with EOI. APPn and COM segments (EXIF,
 * XMP, comments) are searched for the start of another file. After EOI, only further whole JPEG
 * images may follow (the secondary images of MPF, which phones write for depth and gain maps);
 * anything else there is refused, never stripped: the stored file is the resident's, byte for byte.
 */
public final class JpegHeaderInspector implements StreamInspector {
    private enum State {
        SOI_FF,
        SOI_D8,
        MARKER_FF,
        MARKER_CODE,
        LENGTH_HIGH,
        LENGTH_LOW,
        FRAME_HEADER,
        SKIP,
        ENTROPY,
        ENTROPY_FF,
        AFTER_EOI
    }

    private final long maxPixels;
    private final EmbeddedSignatures signatures = new EmbeddedSignatures();
    private State state = State.SOI_FF;
    private int marker;
    private int segmentLength;
    private long skip;
    private boolean scanMetadata;
    private boolean sos;
    private boolean frameSeen;
    private boolean scanSeen;
    private int images;
    private final byte[] frame = new byte[5];
    private int frameLength;

    public JpegHeaderInspector(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    @Override
    public void update(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (state == State.SKIP) {
                int n = (int) Math.min(skip, end - i);
                if (scanMetadata) {
                    signatures.scan(b, i, n, String.format(Locale.ROOT, "JPEG segment 0x%02X", marker));
                }
                i += n;
                skip -= n;
                if (skip == 0) {
                    state = sos ? State.ENTROPY : State.MARKER_FF;
                    sos = false;
                }
                continue;
            }
            if (state == State.ENTROPY) {
                // The bulk of the file: find the next 0xFF quickly.
                while (i < end && b[i] != (byte) 0xFF) {
                    i++;
                }
                if (i < end) {
                    i++;
                    state = State.ENTROPY_FF;
                }
                continue;
            }
            int c = b[i++] & 0xFF;
            switch (state) {
                case SOI_FF -> expect(c, 0xFF, State.SOI_D8);
                case SOI_D8 -> {
                    expect(c, 0xD8, State.MARKER_FF);
                    frameSeen = false;
                    scanSeen = false;
                    images++;
                }
                case AFTER_EOI -> {
                    if (c != 0xFF) {
                        throw new PolyglotFileException("the JPEG has data after its end-of-image marker");
                    }
                    state = State.SOI_D8;
                }
                case MARKER_FF -> {
                    if (c != 0xFF) {
                        throw new MalformedFileException("the JPEG has data where a marker was expected");
                    }
                    state = State.MARKER_CODE;
                }
                case MARKER_CODE -> onMarker(c);
                case ENTROPY_FF -> {
                    if (c == 0x00 || (c >= 0xD0 && c <= 0xD7)) {
                        state = State.ENTROPY; // stuffed byte or restart marker
                    } else if (c != 0xFF) {
                        onMarker(c);
                    }
                }
                case LENGTH_HIGH -> {
                    segmentLength = c << 8;
                    state = State.LENGTH_LOW;
                }
                case LENGTH_LOW -> onLength(segmentLength | c);
                case FRAME_HEADER -> {
                    frame[frameLength++] = (byte) c;
                    if (frameLength == 5) {
                        int height = ((frame[1] & 0xFF) << 8) | (frame[2] & 0xFF);
                        int width = ((frame[3] & 0xFF) << 8) | (frame[4] & 0xFF);
                        ImageDimensions.check("JPEG", width, height, maxPixels);
                        frameSeen = true;
                        skip = segmentLength - 2 - 5;
                        state = skip == 0 ? State.MARKER_FF : State.SKIP;
                        scanMetadata = false;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    private void expect(int c, int wanted, State next) {
        if (c != wanted) {
            throw new MalformedFileException(
                    String.format(Locale.ROOT, "the JPEG has 0x%02X where its start-of-image marker should be", c));
        }
        state = next;
    }

    private void onMarker(int c) {
        if (c == 0xFF) {
            state = State.MARKER_CODE; // fill byte
            return;
        }
        marker = c;
        if (c == 0x01 || (c >= 0xD0 && c <= 0xD7)) {
            state = State.MARKER_FF; // standalone markers
        } else if (c == 0xD9) {
            if (!frameSeen || !scanSeen) {
                throw new MalformedFileException("the JPEG ends before any image data");
            }
            state = State.AFTER_EOI;
        } else if (c == 0xDA && !frameSeen) {
            throw new MalformedFileException("the JPEG reaches its image data (SOS) before any frame header");
        } else if (c == 0xD8 || c == 0x00) {
            throw new MalformedFileException(
                    String.format(Locale.ROOT, "the JPEG has marker 0x%02X inside an image", c));
        } else {
            state = State.LENGTH_HIGH;
        }
    }

    private void onLength(int length) {
        segmentLength = length;
        if (length < 2) {
            throw new MalformedFileException("the JPEG has a segment of length " + length);
        }
        if (isFrameHeader(marker)) {
            if (length < 2 + 5) {
                throw new MalformedFileException("the JPEG frame header is too short");
            }
            frameLength = 0;
            state = State.FRAME_HEADER;
            return;
        }
        sos = marker == 0xDA;
        scanSeen |= sos;
        scanMetadata = (marker >= 0xE0 && marker <= 0xEF) || marker == 0xFE;
        signatures.reset();
        skip = length - 2;
        state = skip == 0 ? (sos ? State.ENTROPY : State.MARKER_FF) : State.SKIP;
        if (skip == 0) {
            sos = false;
        }
    }

    private static boolean isFrameHeader(int m) {
        return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    }

    @Override
    public void finish(long totalBytes) {
        if (state != State.AFTER_EOI) {
            throw new MalformedFileException(
                    images <= 1 && !frameSeen
                            ? "the JPEG ends before any frame header (SOFn)"
                            : "the JPEG ends before its end-of-image marker (cut)");
        }
    }
}
