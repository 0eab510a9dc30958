package org.opengru.documents.scan;

/**
 * The virus-scanning port. Implementations are thread-safe; each upload opens its own session.
 *
 * @see ClamdScanner the ClamAV adapter
 */
public interface VirusScanner {

    /**
     * Starts scanning one file. Never throws: a scanner that cannot start reports it at {@link ScanSession#finish()}.
     *
     * @return the session to write the file to
     */
    ScanSession start();

    /**
     * A scanner that vouches for everything without looking: only for development and tests where no
     * ClamAV runs. Its verdict says so, and it is never the default.
     *
     * @return the scanner
     */
    static VirusScanner unscanned() {
        return () -> new ScanSession() {
            @Override
            public void write(byte[] b, int off, int len) {}

            @Override
            public ScanVerdict finish() {
                return ScanVerdict.clean("not scanned (VirusScanner.unscanned)");
            }

            @Override
            public void close() {}
        };
    }
}
