package org.opengru.documents.types;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether a document is valid on a date, and why.
 *
 * @param valid whether it may serve as a piece on that date
 * @param validUntil the last day it is valid, {@code null} when it never expires or is unknown
 * @param explanation a sentence for the usager and the agent ("valable 15 ans : carte délivrée à un majeur entre 2004 et 2013")
 */
public record Validity(boolean valid, @Nullable LocalDate validUntil, String explanation) {
    /**
     * Checks the explanation.
     *
     * @param valid whether it may serve as a piece on that date
     * @param validUntil the last day it is valid, {@code null} when it never expires or is unknown
     * @param explanation a sentence for the usager and the agent ("valable 15 ans : carte délivrée à un majeur entre
     *     2004 et 2013")
     * @throws NullPointerException when it is missing
     */
    public Validity {
        Objects.requireNonNull(explanation, "explanation");
    }
}
