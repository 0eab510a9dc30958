package org.opengru.documents.scan;

/**
 * One file being scanned as it streams. {@link #write} never throws: a failure is remembered and
 * reported by {@link #finish()} as a non-clean verdict. Not thread-safe.
 */
public interface ScanSession extends AutoCloseable {

    /**
     * The next bytes of the file.
     *
     * @param b the buffer
     * @param off where the bytes start in it
     * @param len how many bytes
     */
    void write(byte[] b, int off, int len);

    /**
     * The file has ended: waits for the verdict. Never throws; failures are verdicts.
     *
     * @return the verdict
     */
    ScanVerdict finish();

    /** Releases the connection; called after {@link #finish()} or to abandon the scan. */
    @Override
    void close();
}
