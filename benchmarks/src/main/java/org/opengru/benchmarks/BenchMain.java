package org.opengru.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * Runs the benchmark suites named on the command line, or all of them, printing {@code BENCH}
 * lines on standard output and progress on standard error.
 */
public final class BenchMain {

    private BenchMain() {}

    static List<Bench.Suite> suites() {
        return List.of();
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
