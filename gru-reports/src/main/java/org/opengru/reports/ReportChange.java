package org.opengru.reports;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a signalement's append-only history.
 *
 * @param from the status before; {@code null} for the creation
 * @param actor {@code reporter}, {@code system} or {@code agent:<id>}
 */
public record ReportChange(Instant at, @Nullable ReportStatus from, ReportStatus to, String actor) {

    public ReportChange {
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
    }
}
