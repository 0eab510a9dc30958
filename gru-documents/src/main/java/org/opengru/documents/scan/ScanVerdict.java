package org.opengru.documents.scan;

import java.util.Objects;

/**
 * What the scanner said. Only {@link Outcome#CLEAN} lets a file in; every other outcome refuses it
 * (fail closed).
 *
 * @param outcome the kind of answer
 * @param detail the signature name for {@code INFECTED}, the scanner's message otherwise
 */
public record ScanVerdict(Outcome outcome, String detail) {

    /** The kinds of answer. */
    public enum Outcome {
        /** No virus found. */
        CLEAN,
        /** A virus was found; the detail names its signature. */
        INFECTED,
        /** The file exceeds what the scanner accepts (clamd's StreamMaxLength). */
        LIMIT_EXCEEDED,
        /** No answer in time. */
        TIMEOUT,
        /** The scanner failed, refused, or answered something not understood. */
        ERROR
    }

    /**
     * Checks the verdict.
     *
     * @param outcome the kind of answer
     * @param detail the signature name for {@code INFECTED}, the scanner's message otherwise
     * @throws NullPointerException when the outcome or the detail is missing
     */
    public ScanVerdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * A clean verdict.
     *
     * @param detail what the scanner said (its version, or that nothing was scanned)
     * @return the verdict
     */
    public static ScanVerdict clean(String detail) {
        return new ScanVerdict(Outcome.CLEAN, detail);
    }

    /**
     * An infected verdict.
     *
     * @param signature the virus's name, as the scanner reports it
     * @return the verdict
     */
    public static ScanVerdict infected(String signature) {
        return new ScanVerdict(Outcome.INFECTED, signature);
    }

    /**
     * Whether the file may be accepted.
     *
     * @return {@code true} only for {@link Outcome#CLEAN}
     */
    public boolean isClean() {
        return outcome == Outcome.CLEAN;
    }
}
