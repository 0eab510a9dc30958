package org.opengru.documents.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.opengru.documents.ingest.MalformedFileException;
import org.opengru.documents.ingest.PolyglotFileException;

/**
 * WebP: the RIFF size must cover the file exactly and the chunks must add up to it (a cut file or
 * trailing data is refused). Chunks other than image data (EXIF, XMP, ICC, unknown) are searched for
 * the start of another file. The first chunk's image size is checked by {@link WebpHeaderInspector}.
 */
public final class WebpStructureInspector implements StreamInspector {
    private static final Set<String> IMAGE_DATA = Set.of("VP8 ", "VP8L", "ALPH", "ANMF");

    private final EmbeddedSignatures signatures = new EmbeddedSignatures();
    private final byte[] header = new byte[12];
    private int have;
    private boolean riffRead;
    private long riffEnd;
    private long position;
    private long skip;
    private boolean scan;
    private String chunk = "";

    @Override
    public void update(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (riffRead && position >= riffEnd) {
                throw new PolyglotFileException("the WebP has data after the end its RIFF header announces");
            }
            if (skip > 0) {
                int n = (int) Math.min(skip, Math.min(end - i, riffEnd - position));
                if (scan) {
                    signatures.scan(b, i, n, "WebP chunk '" + chunk + "'");
                }
                i += n;
                position += n;
                skip -= n;
                continue;
            }
            header[have++] = b[i++];
            position++;
            if (!riffRead && have == 12) {
                if (!"RIFF".equals(ascii(0)) || !"WEBP".equals(ascii(8))) {
                    throw new MalformedFileException("the WebP file has no RIFF/WEBP header");
                }
                riffEnd = 8 + HeadInspector.u32le(header, 4);
                riffRead = true;
                have = 0;
            } else if (riffRead && have == 8) {
                chunk = ascii(0).replaceAll("[^\\x20-\\x7E]", "?");
                long size = HeadInspector.u32le(header, 4);
                skip = size + (size & 1); // chunks are padded to an even size
                scan = !IMAGE_DATA.contains(chunk);
                signatures.reset();
                have = 0;
                if (position + skip > riffEnd) {
                    throw new MalformedFileException(
                            "the WebP chunk '" + chunk + "' runs past the end its RIFF header announces");
                }
            }
        }
    }

    private String ascii(int at) {
        return new String(header, at, 4, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void finish(long totalBytes) {
        if (!riffRead || totalBytes != riffEnd || skip > 0 || have != 0) {
            throw new MalformedFileException("the WebP file is " + totalBytes + " bytes long but its RIFF header"
                    + " announces " + riffEnd + " (cut or extended)");
        }
    }
}
