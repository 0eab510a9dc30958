package org.opengru.test.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy on a loopback port of its own, forwarding to a target, that cuts a connection when it
 * sees a byte pattern: either before the matching client bytes reach the server (the statement is never
 * executed) or instead of delivering the matching server bytes to the client (the server did the work,
 * the client never hears of it). One fault is armed at a time and fires once.
 *
 * <pre>{@code
 * try (FaultInjectingProxy proxy = FaultInjectingProxy.start("localhost", db.port())) {
 *     DataSource ds = db.dataSourceVia("127.0.0.1", proxy.port());
 *     proxy.cutBeforeClientSends("INSERT INTO gru_request");   // (a) lost before the server
 *     proxy.cutBeforeServerReplies("COMMIT");                   // (b) committed, reply lost
 * }
 * }</pre>
 */
public final class FaultInjectingProxy implements AutoCloseable {

    /** Which way the matched bytes travel. */
    public enum Direction {
        CLIENT_TO_SERVER,
        SERVER_TO_CLIENT
    }

    private record Fault(Direction direction, byte[] pattern) {}

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<@Nullable Fault> armed = new AtomicReference<>();
    private final AtomicInteger faultsFired = new AtomicInteger();
    private final AtomicReference<CountDownLatch> fired = new AtomicReference<>(new CountDownLatch(1));
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private FaultInjectingProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = Objects.requireNonNull(targetHost, "targetHost");
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** Starts a proxy to {@code targetHost:targetPort} on a free loopback port. */
    public static FaultInjectingProxy start(String targetHost, int targetPort) throws IOException {
        return new FaultInjectingProxy(targetHost, targetPort);
    }

    /** The loopback host clients connect to. */
    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    /** The proxy's port. */
    public int port() {
        return server.getLocalPort();
    }

    /** Cuts the connection whose client next sends bytes containing {@code text}; they never arrive. */
    public void cutBeforeClientSends(String text) {
        arm(Direction.CLIENT_TO_SERVER, text);
    }

    /** Cuts the connection whose server next replies with bytes containing {@code text}; the reply is lost. */
    public void cutBeforeServerReplies(String text) {
        arm(Direction.SERVER_TO_CLIENT, text);
    }

    private void arm(Direction direction, String text) {
        fired.set(new CountDownLatch(1));
        armed.set(new Fault(direction, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Disarms a fault that has not fired. */
    public void disarm() {
        armed.set(null);
    }

    /** How many faults fired since the start. */
    public int faultsFired() {
        return faultsFired.get();
    }

    /** Waits until the armed fault fired; returns whether it did within the timeout. */
    public boolean awaitFault(long timeout, TimeUnit unit) throws InterruptedException {
        return fired.get().await(timeout, unit);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                threads.execute(() -> pump(client, upstream, Direction.CLIENT_TO_SERVER));
                threads.execute(() -> pump(upstream, client, Direction.SERVER_TO_CLIENT));
            } catch (IOException e) {
                if (!closed) {
                    // A failed upstream connect: the client sees its socket closed, as with a dead server.
                    continue;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, Direction direction) {
        byte[] buffer = new byte[16 * 1024];
        byte[] tail = new byte[0];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                Fault fault = armed.get();
                if (fault != null && fault.direction() == direction) {
                    byte[] window = concat(tail, buffer, n);
                    if (indexOf(window, fault.pattern()) >= 0 && armed.compareAndSet(fault, null)) {
                        faultsFired.incrementAndGet();
                        closeQuietly(from);
                        closeQuietly(to);
                        fired.get().countDown();
                        return;
                    }
                    int keep = Math.min(window.length, fault.pattern().length - 1);
                    tail = java.util.Arrays.copyOfRange(window, window.length - keep, window.length);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // The other side closed: close both, as a broken link does.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static byte[] concat(byte[] a, byte[] b, int bLength) {
        byte[] out = new byte[a.length + bLength];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, bLength);
        return out;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        threads.shutdownNow();
    }
}
