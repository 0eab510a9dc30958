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
 * @param at when
 * @param to the status after
 */
public record ReportChange(Instant at, @Nullable ReportStatus from, ReportStatus to, String actor) {

    /**
     * Checks the parts and truncates the time to the microsecond.
     *
     * @param at when
     * @param from the status before; {@code null} for the creation
     * @param to the status after
     * @param actor {@code reporter}, {@code system} or {@code agent:<id>}
     * @throws NullPointerException naming the missing part
     */
    public ReportChange {
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
    }
}
