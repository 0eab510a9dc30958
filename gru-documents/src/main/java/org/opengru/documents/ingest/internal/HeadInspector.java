package org.opengru.documents.ingest.internal;

import org.opengru.documents.ingest.MalformedFileException;

/** Collects the first bytes of a file, then checks them once (formats whose header has a fixed place). */
abstract class HeadInspector implements StreamInspector {
    private final byte[] head;
    private int length;
    private boolean checked;

    HeadInspector(int headLength) {
        this.head = new byte[headLength];
    }

    @Override
    public final void update(byte[] b, int off, int len) {
        if (checked) {
            return;
        }
        int n = Math.min(len, head.length - length);
        System.arraycopy(b, off, head, length, n);
        length += n;
        if (length == head.length) {
            checked = true;
            check(head);
        }
    }

    @Override
    public final void finish(long totalBytes) {
        if (!checked) {
            throw new MalformedFileException("the file ends (" + totalBytes + " bytes) before its image header");
        }
    }

    abstract void check(byte[] head);

    static long u32be(byte[] b, int o) {
        return ((b[o] & 0xFFL) << 24) | ((b[o + 1] & 0xFFL) << 16) | ((b[o + 2] & 0xFFL) << 8) | (b[o + 3] & 0xFFL);
    }

    static int u16le(byte[] b, int o) {
        return (b[o] & 0xFF) | ((b[o + 1] & 0xFF) << 8);
    }

    static int u24le(byte[] b, int o) {
        return (b[o] & 0xFF) | ((b[o + 1] & 0xFF) << 8) | ((b[o + 2] & 0xFF) << 16);
    }

    static long u32le(byte[] b, int o) {
        return (b[o] & 0xFFL) | ((b[o + 1] & 0xFFL) << 8) | ((b[o + 2] & 0xFFL) << 16) | ((b[o + 3] & 0xFFL) << 24);
    }
}
