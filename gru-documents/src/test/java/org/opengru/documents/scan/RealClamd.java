package org.opengru.documents.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A real clamd started for the tests, with only a signature database the test writes: no internet,
 * no freshclam. Debian: {@code apt-get install clamav-daemon}.
 */
final class RealClamd implements AutoCloseable {
    static final int STREAM_MAX = 1 << 20;

    private final Process process;
    private final Path dir;
    private final int port;

    private RealClamd(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** The clamd executable, or null when ClamAV is not installed. */
    static @Nullable Path executable() {
        for (String candidate : List.of("/usr/sbin/clamd", "/usr/bin/clamd", "/usr/local/sbin/clamd")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    /** Starts clamd with a database matching each of {@code signatures} (name → bytes) anywhere in a file. */
    static RealClamd start(Path clamd, List<String[]> signatures) throws Exception {
        Path dir = Files.createTempDirectory("clamd-test");
        Path db = Files.createDirectory(dir.resolve("db"));
        StringBuilder ndb = new StringBuilder();
        for (String[] s : signatures) {
            ndb.append(s[0])
                    .append(":0:*:")
                    .append(HexFormat.of().formatHex(s[1].getBytes(StandardCharsets.ISO_8859_1)))
                    .append('\n');
        }
        Files.writeString(db.resolve("opengru-test.ndb"), ndb);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path conf = dir.resolve("clamd.conf");
        Files.writeString(
                conf,
                String.join(
                        "\n",
                        "DatabaseDirectory " + db,
                        "TCPSocket " + port,
                        "TCPAddr 127.0.0.1",
                        "Foreground yes",
                        "LogTime no",
                        "StreamMaxLength " + STREAM_MAX,
                        "MaxThreads 4",
                        "PidFile " + dir.resolve("clamd.pid"),
                        ""));
        Process p = new ProcessBuilder(clamd.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .start();
        RealClamd started = new RealClamd(p, dir, port);
        // clamd prints "Self checking every ..." once its socket is bound: wait for that line.
        CompletableFuture<String> ready = new CompletableFuture<>();
        StringBuffer log = new StringBuffer();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            log.append(line).append('\n');
                            if (line.startsWith("Self checking every")) {
                                ready.complete("ready");
                            }
                        }
                    } catch (IOException e) {
                        log.append(e);
                    }
                    ready.completeExceptionally(new IllegalStateException("clamd exited before being ready:\n" + log));
                },
                "clamd-log");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            started.close();
            throw new IllegalStateException("clamd did not start: " + e + "\n" + log, e);
        }
        return started;
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        }
    }
}
