package org.opengru.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Where a throughput benchmark's CPU goes: this JVM (the client) and the PostgreSQL server it talks to
 * (the postmaster and its children, found from {@code postmaster.pid}), read from {@code /proc} on Linux.
 * On a two-core machine both sides share the cores, so the sum per operation is what bounds throughput.
 * Diagnostics only: a figure that cannot be read is reported as {@code NaN}.
 */
public final class CpuProbe {

    private static final double CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final long postmasterPid;

    private CpuProbe(long postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    /** A probe for the server behind {@code dataSource} (the server must run on this machine). */
    public static CpuProbe of(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW data_directory")) {
            rs.next();
            Path pidFile = Path.of(rs.getString(1), "postmaster.pid");
            try {
                return new CpuProbe(
                        Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
            } catch (IOException | RuntimeException unreadable) {
                return new CpuProbe(-1);
            }
        }
    }

    /** CPU used so far, in nanoseconds, by this JVM and by the live server processes. */
    public Sample sample() {
        long client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        double server = Double.NaN;
        if (postmasterPid > 0) {
            server = ProcessHandle.of(postmasterPid)
                    .map(p -> Stream.concat(Stream.of(p), p.children())
                            .mapToDouble(h -> ticks(h.pid()))
                            .sum())
                    .orElse(Double.NaN);
        }
        return new Sample(client, server);
    }

    /** utime + stime of one process, in nanoseconds (NaN when unreadable). */
    private static double ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks / CLOCK_TICKS_PER_SECOND * 1e9;
        } catch (IOException | RuntimeException gone) {
            return 0; // a backend that ended between listing and reading
        }
    }

    /** CPU used up to one moment. */
    public record Sample(long clientNanos, double serverNanos) {
        /** Microseconds per operation used since {@code earlier}, client then server. */
        public double[] microsPerOp(Sample earlier, long operations) {
            long ops = Math.max(1, operations);
            return new double[] {
                (clientNanos - earlier.clientNanos) / 1e3 / ops, (serverNanos - earlier.serverNanos) / 1e3 / ops
            };
        }
    }
}
