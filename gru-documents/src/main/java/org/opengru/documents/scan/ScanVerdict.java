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
        CLEAN,
        INFECTED,
        /** The file exceeds what the scanner accepts (clamd's StreamMaxLength). */
        LIMIT_EXCEEDED,
        /** No answer in time. */
        TIMEOUT,
        /** The scanner failed, refused, or answered something not understood. */
        ERROR
    }

    public ScanVerdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    public static ScanVerdict clean(String detail) {
        return new ScanVerdict(Outcome.CLEAN, detail);
    }

    public static ScanVerdict infected(String signature) {
        return new ScanVerdict(Outcome.INFECTED, signature);
    }

    /** Whether the file may be accepted. */
    public boolean isClean() {
        return outcome == Outcome.CLEAN;
    }
}
