package org.opengru.documents.ingest.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Hands filled buffers to a second thread that writes them (encryption and storage), so that reading,
 * hashing and inspecting overlap with encrypting and writing. Memory is a fixed pool of buffers; the
 * reader blocks when the writer is behind (back-pressure). A writer failure is reported to the reader
 * at its next call; the writer keeps recycling buffers after a failure so the reader never hangs.
 */
public final class WriteBehind implements AutoCloseable {
    private record Chunk(byte @Nullable [] buffer, int length, boolean finish) {}

    private final OutputStream target;
    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<Chunk> queue;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread writer;
    private volatile @Nullable Throwable failure;
    private boolean ended;

    /**
     * @param target written to by the writer thread only; {@link #finish(IoStep)} runs its last step there too
     */
    public WriteBehind(OutputStream target, int buffers, int bufferSize) {
        this.target = target;
        this.free = new ArrayBlockingQueue<>(buffers);
        this.queue = new ArrayBlockingQueue<>(buffers + 1);
        for (int i = 0; i < buffers; i++) {
            free.add(new byte[bufferSize]);
        }
        this.writer = new Thread(this::drain, "opengru-ingest-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private volatile @Nullable IoStep last;

    /** A last step run on the writer thread after every buffer was written (sealing the final chunk). */
    @FunctionalInterface
    public interface IoStep {
        void run() throws IOException;
    }

    private void drain() {
        try {
            while (true) {
                Chunk c = queue.take();
                if (c.finish()) {
                    IoStep step = last;
                    if (failure == null && step != null) {
                        step.run();
                    }
                    return;
                }
                if (c.buffer() == null) {
                    return; // aborted
                }
                try {
                    if (failure == null) {
                        target.write(c.buffer(), 0, c.length());
                    }
                } finally {
                    free.add(c.buffer());
                }
            }
        } catch (Throwable t) {
            failure = t;
            // Keep recycling so the reader never blocks on an empty pool; it will see the failure.
            drainAfterFailure();
        } finally {
            done.countDown();
        }
    }

    private void drainAfterFailure() {
        try {
            while (true) {
                Chunk c = queue.take();
                if (c.buffer() == null) {
                    return;
                }
                free.add(c.buffer());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A free buffer to read into (waits while the writer is behind). */
    public byte[] take() throws IOException {
        rethrow();
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the writer");
        }
    }

    /** Queues {@code length} bytes of {@code buffer} for writing; the buffer comes back through {@link #take()}. */
    public void write(byte[] buffer, int length) throws IOException {
        rethrow();
        put(new Chunk(buffer, length, false));
    }

    /** Gives back a buffer that holds nothing to write. */
    public void recycle(byte[] buffer) {
        free.add(buffer);
    }

    /** Waits until everything is written and {@code lastStep} ran on the writer thread; rethrows its failure. */
    public void finish(IoStep lastStep) throws IOException {
        this.last = lastStep;
        ended = true;
        put(new Chunk(null, 0, true));
        await();
        rethrow();
    }

    private void put(Chunk c) throws IOException {
        try {
            queue.put(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing a buffer to the writer");
        }
    }

    private void await() throws IOException {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the writer");
        }
    }

    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IOException(t);
        }
    }

    /** Stops the writer (if not finished) and waits for it, so nothing writes to the target afterwards. */
    @Override
    public void close() {
        if (!ended) {
            ended = true;
            queue.offer(new Chunk(null, 0, false));
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
