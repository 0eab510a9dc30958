package org.opengru.reports;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An open report of the same category near where a resident is about to report, proposed as "déjà
 * signalé ?". Shown to another resident, so it holds nothing personal: no description, address, photo
 * nor reporter.
 *
 * @param supporters how many people follow it (its author and each "+1")
 */
public record NearbyReport(
        ReportId id,
        String category,
        ReportStatus status,
        double distanceMetres,
        @Nullable String zone,
        LocalDate receivedOn,
        int supporters) {}
