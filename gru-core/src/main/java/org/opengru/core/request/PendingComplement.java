package org.opengru.core.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opengru.core.internal.Checks;

/**
 * A complement asked for: why, what is missing, by when, and when it was asked.
 *
 * @param reason the reason the usager reads, or {@code null}
 * @param missing the pieces or fields to provide
 * @param dueBy when the complement is due, or {@code null}
 * @param requestedAt when it was asked
 */
public record PendingComplement(String reason, List<String> missing, LocalDate dueBy, Instant requestedAt) {

    /**
     * Copies the missing list.
     *
     * @param reason the reason the usager reads, or {@code null}
     * @param missing the pieces or fields to provide
     * @param dueBy when the complement is due, or {@code null}
     * @param requestedAt when it was asked
     */
    public PendingComplement {
        reason = Checks.text("reason", reason, 2000);
        missing = List.copyOf(Checks.required("missing", missing));
        Checks.check(!missing.isEmpty(), "missing", missing, "must list what is missing");
        Checks.required("dueBy", dueBy);
        Checks.required("requestedAt", requestedAt);
    }
}
