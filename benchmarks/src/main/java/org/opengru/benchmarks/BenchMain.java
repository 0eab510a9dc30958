package org.opengru.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the benchmark suites named on the command line, or all of them, printing {@code BENCH}
 * lines on standard output and progress on standard error.
 */
public final class BenchMain {

    private BenchMain() {}

    /** Every suite, one per module; a module's suite class lives in its own package here. */
    static final List<String> SUITES = List.of(
            "org.opengru.benchmarks.core.CoreBenchmarks",
            "org.opengru.benchmarks.persistence.PersistenceBenchmarks",
            "org.opengru.benchmarks.persistence.ChangeFeedBenchmarks",
            "org.opengru.benchmarks.documents.DocumentBenchmarks",
            "org.opengru.benchmarks.scheduling.SchedulingBenchmarks",
            "org.opengru.benchmarks.franceconnect.FranceConnectBenchmarks");

    static List<Bench.Suite> suites() throws ReflectiveOperationException {
        List<Bench.Suite> suites = new ArrayList<>();
        for (String name : SUITES) {
            Class<?> type;
            try {
                type = Class.forName(name);
            } catch (ClassNotFoundException notYetWritten) {
                continue;
            }
            suites.add((Bench.Suite) type.getDeclaredConstructor().newInstance());
        }
        return suites;
    }

    public static void main(String[] args) throws Exception {
        List<String> selected = Arrays.asList(args);
        Bench bench = new Bench(System.out);
        int failures = 0;
        for (Bench.Suite suite : suites()) {
            if (!selected.isEmpty() && !selected.contains(suite.name())) {
                continue;
            }
            System.err.println("== " + suite.name());
            try {
                suite.run(bench);
            } catch (Exception | AssertionError e) {
                failures++;
                System.err.println("Suite " + suite.name() + " failed: " + e);
                e.printStackTrace();
            }
        }
        if (failures > 0) {
            System.exit(1);
        }
    }
}
