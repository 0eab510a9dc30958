package org.opengru.documents.ingest.internal;

import org.opengru.documents.ingest.PolyglotFileException;

/**
 * Refuses files that are also ZIP archives. ZIP readers find an archive from its end-of-central-
 * directory record, which must sit in the last 65,557 bytes (22 bytes plus a comment of at most
 * 65,535): so a PDF or an image with a ZIP appended opens as both. Only that tail is kept.
 */
public final class ZipTailDetector implements StreamInspector {
    static final int TAIL = 22 + 65_535;

    private final byte[] ring = new byte[TAIL];
    private long written;

    @Override
    public void update(byte[] b, int off, int len) {
        if (len > TAIL) {
            // Only the last TAIL bytes can matter.
            off += len - TAIL;
            written += len - TAIL;
            len = TAIL;
        }
        int pos = (int) (written % TAIL);
        int first = Math.min(len, TAIL - pos);
        System.arraycopy(b, off, ring, pos, first);
        System.arraycopy(b, off + first, ring, 0, len - first);
        written += len;
    }

    @Override
    public void finish(long totalBytes) {
        int n = (int) Math.min(written, TAIL);
        int start = (int) ((written - n) % TAIL);
        // Linearise the tail, then look for the signature PK\5\6.
        byte[] tail = new byte[n];
        int first = Math.min(n, TAIL - start);
        System.arraycopy(ring, start, tail, 0, first);
        System.arraycopy(ring, 0, tail, first, n - first);
        for (int i = n - 22; i >= 0; i--) {
            if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
                throw new PolyglotFileException("the file ends with a ZIP end-of-central-directory record " + (n - i)
                        + " bytes before its end: it is also a ZIP archive");
            }
        }
    }
}
