package org.opengru.documents.ingest.internal;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.opengru.documents.ingest.MalformedFileException;

/**
 * HEIF/HEIC: walks the top-level ISO boxes to the end of the file (skipping {@code mdat} by its
 * size; a file that ends inside a box is refused), reads the {@code meta} box (bounded) and takes
 * the largest {@code ispe} (image spatial extents) property in {@code meta/iprp/ipco}. Every image
 * item (tiles and the grid alike) has one. Boxes other than image data are searched for the start
 * of another file.
 */
public final class HeifHeaderInspector implements StreamInspector {
    static final int MAX_META_BYTES = 1 << 20;

    private final long maxPixels;
    private final byte[] header = new byte[16];
    private int headerLength;
    private int headerNeeded = 8;
    private long skip;
    private byte @Nullable [] meta;
    private int metaLength;
    private boolean done;
    private boolean skippingToEnd;
    private final EmbeddedSignatures signatures = new EmbeddedSignatures();
    private String boxType = "";
    private boolean scanBody;

    public HeifHeaderInspector(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    @Override
    public void update(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && !skippingToEnd) {
            if (skip > 0) {
                long n = Math.min(skip, end - i);
                if (scanBody) {
                    signatures.scan(b, i, (int) n, "HEIF box '" + boxType + "'");
                }
                i += (int) n;
                skip -= n;
                continue;
            }
            if (meta != null) {
                int n = Math.min(end - i, meta.length - metaLength);
                System.arraycopy(b, i, meta, metaLength, n);
                metaLength += n;
                i += n;
                if (metaLength == meta.length) {
                    parseMeta(meta);
                    meta = null;
                    done = true;
                }
                continue;
            }
            header[headerLength++] = b[i++];
            if (headerLength == headerNeeded) {
                onBoxHeader();
            }
        }
    }

    private void onBoxHeader() {
        long size = HeadInspector.u32be(header, 0);
        String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
        if (size == 1 && headerNeeded == 8) {
            headerNeeded = 16; // 64-bit largesize follows
            return;
        }
        int headerSize = headerNeeded;
        if (size == 1) {
            size = (HeadInspector.u32be(header, 8) << 32) | HeadInspector.u32be(header, 12);
        }
        headerLength = 0;
        headerNeeded = 8;
        if (size == 0) {
            if (type.equals("meta")) {
                throw new MalformedFileException("the HEIF meta box runs to the end of the file");
            }
            skippingToEnd = true;
            return;
        }
        if (size < headerSize) {
            throw new MalformedFileException("the HEIF file has a '" + printable(type) + "' box of size " + size);
        }
        long body = size - headerSize;
        boxType = printable(type);
        scanBody = !type.equals("mdat") && !type.equals("idat");
        signatures.reset();
        if (type.equals("meta")) {
            if (body > MAX_META_BYTES || body < 4) {
                throw new MalformedFileException("the HEIF meta box is " + body + " bytes long");
            }
            meta = new byte[(int) body];
            metaLength = 0;
        } else {
            skip = body;
        }
    }

    private void parseMeta(byte[] m) {
        long[] best = {0, 0, 0};
        // meta is a FullBox: 4 bytes of version and flags before its children.
        walk(m, 4, m.length, 0, best);
        if (best[2] == 0) {
            throw new MalformedFileException("the HEIF file has no image size (ispe) property");
        }
        ImageDimensions.check("HEIF", best[0], best[1], maxPixels);
    }

    /** Visits boxes in {@code [from, to)}, descending into iprp and ipco; keeps the largest ispe. */
    private static void walk(byte[] m, int from, int to, int depth, long[] best) {
        int p = from;
        while (p + 8 <= to) {
            long size = HeadInspector.u32be(m, p);
            String type = new String(m, p + 4, 4, StandardCharsets.ISO_8859_1);
            int headerSize = 8;
            if (size == 1) {
                if (p + 16 > to) {
                    throw new MalformedFileException("a HEIF box header is truncated");
                }
                size = (HeadInspector.u32be(m, p + 8) << 32) | HeadInspector.u32be(m, p + 12);
                headerSize = 16;
            } else if (size == 0) {
                size = to - p;
            }
            if (size < headerSize || size > to - p) {
                throw new MalformedFileException(
                        "the HEIF box '" + printable(type) + "' has an impossible size " + size);
            }
            int body = p + headerSize;
            int end = (int) (p + size);
            if ((type.equals("iprp") && depth == 0) || (type.equals("ipco") && depth == 1)) {
                walk(m, body, end, depth + 1, best);
            } else if (type.equals("ispe") && depth == 2) {
                if (end - body < 12) {
                    throw new MalformedFileException("the HEIF ispe property is truncated");
                }
                long w = HeadInspector.u32be(m, body + 4);
                long h = HeadInspector.u32be(m, body + 8);
                if (w <= 0 || h <= 0) {
                    ImageDimensions.check("HEIF", w, h, Long.MAX_VALUE);
                }
                if (best[2] == 0 || w * h > best[0] * best[1]) {
                    best[0] = w;
                    best[1] = h;
                    best[2] = 1;
                }
            }
            p = end;
        }
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }

    @Override
    public void finish(long totalBytes) {
        if (!done) {
            throw new MalformedFileException("the HEIF file ends without a meta box giving its image size");
        }
        if (skip > 0 || headerLength > 0) {
            throw new MalformedFileException("the HEIF file ends inside a box (cut)");
        }
    }
}
