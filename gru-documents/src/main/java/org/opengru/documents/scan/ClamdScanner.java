package org.opengru.documents.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The ClamAV adapter: speaks clamd's {@code zINSTREAM} protocol over TCP. The file streams to clamd
 * while it is being uploaded, in chunks prefixed by their length (4 bytes, big-endian); a zero
 * length ends it, and clamd answers {@code stream: OK}, {@code stream: <signature> FOUND}, {@code
 * INSTREAM size limit exceeded. ERROR} or another error, each terminated by a NUL byte.
 *
 * <p>Fail closed: a refused connection, a write that stalls, no answer within the timeout, more
 * bytes than {@code maxStreamBytes} (set it to clamd's {@code StreamMaxLength}), or an answer not
 * understood each give a non-clean verdict. Close the scanner to stop its watchdog thread.
 */
public final class ClamdScanner implements VirusScanner, AutoCloseable {
    private static final int MAX_REPLY = 4096;

    private final InetSocketAddress address;
    private final Duration timeout;
    private final long maxStreamBytes;
    private final ScheduledExecutorService watchdog;

    /**
     * A scanner talking to clamd over TCP ({@code INSTREAM}), one connection per file.
     *
     * @param address clamd's TCP socket (TCPAddr and TCPSocket in clamd.conf)
     * @param timeout for connecting, for each write, and for the answer after the last byte
     * @param maxStreamBytes clamd's StreamMaxLength: larger files are not sent but quarantined
     */
    public ClamdScanner(InetSocketAddress address, Duration timeout, long maxStreamBytes) {
        this.address = Objects.requireNonNull(address, "address");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (maxStreamBytes <= 0) {
            throw new IllegalArgumentException("maxStreamBytes must be positive, got " + maxStreamBytes);
        }
        this.maxStreamBytes = maxStreamBytes;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clamd-watchdog-" + address.getPort());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Sends {@code zPING}; {@code true} when clamd answers {@code PONG}.
     *
     * @return whether clamd answers
     */
    public boolean ping() {
        try (Socket s = connect()) {
            s.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return readReply(s.getInputStream()).equals("PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        try {
            s.connect(address, (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            s.setTcpNoDelay(true);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public ScanSession start() {
        return new Session();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    @Override
    public String toString() {
        return "ClamdScanner[" + address + ", timeout " + timeout + "]";
    }

    private final class Session implements ScanSession {
        private @Nullable Socket socket;
        private @Nullable OutputStream out;
        private @Nullable ScanVerdict failure;
        private long sent;
        private volatile boolean timedOut;

        Session() {
            try {
                socket = connect();
                out = socket.getOutputStream();
                guarded(() -> out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                fail(new ScanVerdict(ScanVerdict.Outcome.ERROR, "cannot reach clamd at " + address + ": " + e));
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (failure != null || len == 0) {
                return;
            }
            if (sent + len > maxStreamBytes) {
                fail(new ScanVerdict(
                        ScanVerdict.Outcome.LIMIT_EXCEEDED,
                        "the file exceeds the " + maxStreamBytes + " bytes clamd accepts"));
                return;
            }
            try {
                guarded(() -> {
                    byte[] length = {(byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len};
                    out.write(length);
                    out.write(b, off, len);
                });
                sent += len;
            } catch (IOException e) {
                // clamd closes the connection when its limit is hit, after saying so: read that answer.
                fail(readVerdictAfterFailure(e));
            }
        }

        @Override
        public ScanVerdict finish() {
            if (failure != null) {
                return failure;
            }
            try {
                guarded(() -> {
                    out.write(new byte[4]);
                    out.flush();
                });
                return parse(readReply(socket.getInputStream()));
            } catch (SocketTimeoutException e) {
                return new ScanVerdict(ScanVerdict.Outcome.TIMEOUT, "clamd did not answer within " + timeout);
            } catch (IOException e) {
                return timedOut
                        ? new ScanVerdict(ScanVerdict.Outcome.TIMEOUT, "clamd stalled for more than " + timeout)
                        : readVerdictAfterFailure(e);
            } finally {
                close();
            }
        }

        private ScanVerdict readVerdictAfterFailure(IOException cause) {
            if (timedOut) {
                return new ScanVerdict(ScanVerdict.Outcome.TIMEOUT, "clamd stalled for more than " + timeout);
            }
            try {
                String reply = readReply(socket.getInputStream());
                if (!reply.isEmpty()) {
                    return parse(reply);
                }
            } catch (IOException | RuntimeException ignored) {
                // Fall through to the original failure.
            }
            return new ScanVerdict(ScanVerdict.Outcome.ERROR, "connection to clamd failed: " + cause);
        }

        /** Runs a blocking write; the watchdog closes the socket if it stalls past the timeout. */
        private void guarded(IoAction action) throws IOException {
            Socket s = socket;
            ScheduledFuture<?> alarm = watchdog.schedule(
                    () -> {
                        timedOut = true;
                        closeQuietly(s);
                    },
                    timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            try {
                action.run();
            } finally {
                alarm.cancel(false);
            }
        }

        private void fail(ScanVerdict verdict) {
            failure = verdict;
            closeQuietly(socket);
        }

        @Override
        public void close() {
            closeQuietly(socket);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    private static void closeQuietly(@Nullable Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Nothing more to do.
            }
        }
    }

    /** Reads up to the terminating NUL (or end of stream), bounded. */
    static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) > 0) {
            if (reply.size() == MAX_REPLY) {
                break;
            }
            reply.write(c);
        }
        return reply.toString(StandardCharsets.UTF_8).trim();
    }

    /** Interprets clamd's answer to INSTREAM. */
    static ScanVerdict parse(String reply) {
        if (reply.equals("stream: OK")) {
            return ScanVerdict.clean("clamd: " + reply);
        }
        if (reply.startsWith("stream: ") && reply.endsWith(" FOUND")) {
            return ScanVerdict.infected(reply.substring("stream: ".length(), reply.length() - " FOUND".length()));
        }
        if (reply.contains("size limit exceeded")) {
            return new ScanVerdict(ScanVerdict.Outcome.LIMIT_EXCEEDED, "clamd: " + reply);
        }
        if (reply.isEmpty()) {
            return new ScanVerdict(ScanVerdict.Outcome.ERROR, "clamd closed the connection without an answer");
        }
        return new ScanVerdict(ScanVerdict.Outcome.ERROR, "clamd: " + reply);
    }
}
