package org.opengru.documents.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.opengru.documents.ingest.MalformedFileException;
import org.opengru.documents.ingest.PolyglotFileException;

/**
 * PNG: walks every chunk to IEND, checking each CRC. IHDR must come first (it gives width and
 * height); the file must end right after IEND (trailing data is refused, never stripped). Chunks
 * other than image data (tEXt, iTXt, private chunks...) are searched for the start of another file.
 */
public final class PngHeaderInspector implements StreamInspector {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private enum State {
        SIGNATURE,
        HEADER,
        DATA,
        CRC,
        AFTER_IEND
    }

    private final long maxPixels;
    private final EmbeddedSignatures signatures = new EmbeddedSignatures();
    private final CRC32 crc = new CRC32();
    private final byte[] header = new byte[8];
    private final byte[] ihdr = new byte[8];
    private final byte[] crcBytes = new byte[4];
    private State state = State.SIGNATURE;
    private int have;
    private long remaining;
    private String type = "";
    private int chunks;

    public PngHeaderInspector(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    @Override
    public void update(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            switch (state) {
                case SIGNATURE -> {
                    if (b[i++] != SIGNATURE[have++]) {
                        throw new MalformedFileException("the PNG signature is wrong");
                    }
                    if (have == SIGNATURE.length) {
                        next(State.HEADER);
                    }
                }
                case HEADER -> {
                    header[have++] = b[i++];
                    if (have == 8) {
                        onHeader();
                    }
                }
                case DATA -> {
                    int n = (int) Math.min(remaining, end - i);
                    crc.update(b, i, n);
                    if (type.equals("IHDR")) {
                        for (int k = 0; k < n; k++) {
                            long at = 13 - remaining + k;
                            if (at < 8) {
                                ihdr[(int) at] = b[i + k];
                            }
                        }
                    } else if (!type.equals("IDAT")) {
                        signatures.scan(b, i, n, "PNG chunk '" + printable(type) + "'");
                    }
                    i += n;
                    remaining -= n;
                    if (remaining == 0) {
                        next(State.CRC);
                    }
                }
                case CRC -> {
                    crcBytes[have++] = b[i++];
                    if (have == 4) {
                        onCrc();
                    }
                }
                case AFTER_IEND -> throw new PolyglotFileException("the PNG has data after its IEND chunk");
            }
        }
    }

    private void next(State s) {
        state = s;
        have = 0;
    }

    private void onHeader() {
        long length = HeadInspector.u32be(header, 0);
        type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
        if (length > Integer.MAX_VALUE) {
            throw new MalformedFileException("the PNG chunk '" + printable(type) + "' declares " + length + " bytes");
        }
        if (chunks++ == 0 && (!type.equals("IHDR") || length != 13)) {
            throw new MalformedFileException("the PNG does not start with an IHDR chunk");
        }
        crc.reset();
        crc.update(header, 4, 4);
        signatures.reset();
        remaining = length;
        next(length == 0 ? State.CRC : State.DATA);
    }

    private void onCrc() {
        if (HeadInspector.u32be(crcBytes, 0) != crc.getValue()) {
            throw new MalformedFileException("the PNG chunk '" + printable(type) + "' fails its CRC");
        }
        if (type.equals("IHDR")) {
            ImageDimensions.check("PNG", HeadInspector.u32be(ihdr, 0), HeadInspector.u32be(ihdr, 4), maxPixels);
        }
        next(type.equals("IEND") ? State.AFTER_IEND : State.HEADER);
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }

    @Override
    public void finish(long totalBytes) {
        if (state != State.AFTER_IEND) {
            throw new MalformedFileException(
                    chunks == 0 ? "the file ends before its PNG header" : "the PNG ends before its IEND chunk (cut)");
        }
    }
}
