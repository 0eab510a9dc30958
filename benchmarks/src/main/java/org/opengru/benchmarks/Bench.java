package org.opengru.benchmarks;

import java.io.PrintStream;
import java.util.Locale;

/** Where a benchmark reports its figures: one {@code BENCH <name> <value> <unit>} line each. */
public final class Bench {
    private final PrintStream out;

    public Bench(PrintStream out) {
        this.out = out;
    }

    /** Prints one figure. Names are {@code module.figure}, as the issues name them. */
    public void report(String name, double value, String unit) {
        out.println(String.format(Locale.ROOT, "BENCH %s %.3f %s", name, value, unit));
        out.flush();
    }

    /** One group of figures measured together (so that ratios compare runs of the same moment). */
    public interface Suite {
        /** A short name, used to select suites on the command line. */
        String name();

        void run(Bench bench) throws Exception;
    }
}
