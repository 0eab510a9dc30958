package org.opengru.documents.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;
import org.opengru.documents.ingest.MalformedFileException;
import org.opengru.documents.storage.StorageException;

/**
 * A PDF as it streams past, kept in a temporary file for the parser (which needs random access),
 * encrypted under a key that lives only in this object (AES-CTR, so that any offset can be read
 * back): a crash leaves only unreadable bytes behind. Also notes where every {@code obj} keyword
 * stands, wherever it is (stream data included), for the raw pass of {@link PdfInspection}.
 *
 * <p>{@link #close()} deletes the file; it is called on every path out of the ingestion.
 */
public final class PdfSpool implements StreamInspector, AutoCloseable {
    private static final int PAGE = 64 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final SecretKeySpec key;
    private final byte[] iv = new byte[16];
    private final Cipher writeCipher;
    private final int maxObjects;
    private byte[] out = new byte[0];
    private long size;
    private long[] objectEnds = new long[1024];
    private int objects;
    /** The last bytes seen, for keywords cut across two buffers. */
    private final byte[] history = new byte[32];

    public PdfSpool(SecureRandom random, int maxObjects) {
        this.maxObjects = maxObjects;
        byte[] k = new byte[32];
        random.nextBytes(k);
        random.nextBytes(iv);
        this.key = new SecretKeySpec(k, "AES");
        Arrays.fill(k, (byte) 0);
        try {
            this.writeCipher = cipherAt(0);
            this.file = Files.createTempFile("opengru-pdf-", ".spool");
        } catch (IOException e) {
            throw new StorageException("cannot create the PDF check's temporary file", e);
        }
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
        } catch (IOException e) {
            deleteQuietly();
            throw new StorageException("cannot open the PDF check's temporary file", e);
        }
    }

    private Cipher cipherAt(long blockIndex) {
        try {
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            byte[] counter =
                    new BigInteger(1, iv).add(BigInteger.valueOf(blockIndex)).toByteArray();
            byte[] block = new byte[16];
            int n = Math.min(16, counter.length);
            System.arraycopy(counter, counter.length - n, block, 16 - n, n);
            c.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(block));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is not available", e);
        }
    }

    @Override
    public void update(byte[] b, int off, int len) {
        findObjectKeywords(b, off, len);
        if (out.length < len) {
            out = new byte[Math.max(len, PAGE)];
        }
        try {
            int n = writeCipher.update(b, off, len, out, 0);
            ByteBuffer buf = ByteBuffer.wrap(out, 0, n);
            while (buf.hasRemaining()) {
                channel.write(buf, size + buf.position());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF check's temporary file", e);
        }
        size += len;
    }

    @Override
    public void finish(long totalBytes) {
        // Nothing to check here: the PDF is judged by PdfInspection once the whole file is spooled.
    }

    /** Offsets just past each {@code obj} keyword preceded by {@code <number> <number>}. */
    public long[] objectEnds() {
        return Arrays.copyOf(objectEnds, objects);
    }

    /**
     * Finds {@code N G obj}: for each {@code j}, looks back (through the history of the previous
     * buffers when needed) for {@code obj}, white space, digits, white space, digits.
     */
    private void findObjectKeywords(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] == 'j'
                    && byteAt(b, off, i - 1) == 'b'
                    && byteAt(b, off, i - 2) == 'o'
                    && numbersBefore(b, off, i - 3)) {
                if (objects == maxObjects) {
                    throw new MalformedFileException("the PDF has more than " + maxObjects + " objects");
                }
                if (objects == objectEnds.length) {
                    objectEnds = Arrays.copyOf(objectEnds, objects * 2);
                }
                objectEnds[objects++] = size + (i - off) + 1;
            }
        }
        // Keep the last bytes for a keyword cut across buffers.
        int keep = Math.min(len, history.length);
        System.arraycopy(history, keep, history, 0, history.length - keep);
        System.arraycopy(b, off + len - keep, history, history.length - keep, keep);
    }

    /** The byte at index {@code j} of this buffer, or of the previous ones when {@code j < off}; -1 before the file. */
    private int byteAt(byte[] b, int off, int j) {
        if (j >= off) {
            return b[j] & 0xFF;
        }
        int back = off - j;
        if (back > history.length || back > size) {
            return -1;
        }
        return history[history.length - back] & 0xFF;
    }

    /** Whether white space, digits, white space, digits end at index {@code last}. */
    private boolean numbersBefore(byte[] b, int off, int last) {
        int i = last;
        for (int group = 0; group < 2; group++) {
            int spaces = 0;
            while (isSpace(byteAt(b, off, i)) && spaces <= 8) {
                i--;
                spaces++;
            }
            int digits = 0;
            while (isDigit(byteAt(b, off, i)) && digits <= 10) {
                i--;
                digits++;
            }
            if (spaces == 0 || digits == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The spooled bytes, decrypted, with random access (for PDFBox); closing it keeps the file. */
    public RandomAccessRead reader() {
        return new Reader(0, size);
    }

    /** Deletes the temporary file. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Deleting is what matters.
        }
        deleteQuietly();
    }

    private void deleteQuietly() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Only unreadable ciphertext remains: its key is gone with this object.
        }
    }

    /** Reads the spool back through a small page cache, decrypting each page at its counter. */
    private final class Reader implements RandomAccessRead {
        private final byte[] page = new byte[PAGE];
        private long pageStart = -1;
        private int pageLength;
        private long position;
        private final long length;
        private boolean closed;

        Reader(long start, long length) {
            this.position = start;
            this.length = length;
        }

        private boolean load(long at) throws IOException {
            if (at >= length) {
                return false;
            }
            long start = at - at % PAGE;
            if (start != pageStart) {
                int n = (int) Math.min(PAGE, length - start);
                ByteBuffer buf = ByteBuffer.wrap(page, 0, n);
                while (buf.hasRemaining()) {
                    if (channel.read(buf, start + buf.position()) < 0) {
                        throw new IOException("the PDF check's temporary file is shorter than written");
                    }
                }
                try {
                    cipherAt(start / 16).doFinal(page, 0, n, page, 0);
                } catch (GeneralSecurityException e) {
                    throw new IOException("AES/CTR failed", e);
                }
                pageStart = start;
                pageLength = n;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            if (!load(position)) {
                return -1;
            }
            int c = page[(int) (position - pageStart)] & 0xFF;
            position++;
            return c;
        }

        /** Reads across pages until {@code len} bytes or the end: callers need not loop. */
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int total = 0;
            while (total < len && load(position)) {
                int from = (int) (position - pageStart);
                int n = Math.min(len - total, pageLength - from);
                System.arraycopy(page, from, b, off + total, n);
                position += n;
                total += n;
            }
            return total == 0 ? -1 : total;
        }

        @Override
        public long getPosition() {
            return position;
        }

        @Override
        public void seek(long p) throws IOException {
            if (p < 0) {
                throw new IOException("invalid position " + p);
            }
            position = Math.min(p, length);
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public boolean isEOF() {
            return position >= length;
        }

        @Override
        public RandomAccessReadView createView(long startPosition, long streamLength) {
            return new RandomAccessReadView(new Reader(0, length), startPosition, streamLength, true);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
