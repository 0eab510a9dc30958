package org.opengru.reports;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An open report of the same category near where a resident is about to report, proposed as "déjà
 * signalé ?". Shown to another resident, so it holds nothing personal: no description, address, photo
 * nor reporter.
 *
 * @param supporters how many people follow it (its author and each "+1")
 * @param id the report
 * @param category its category
 * @param status received or in progress
 * @param distanceMetres how far from the resident's point
 * @param zone its zone, or {@code null}
 * @param receivedOn the day it was filed
 */
public record NearbyReport(
        ReportId id,
        String category,
        ReportStatus status,
        double distanceMetres,
        @Nullable String zone,
        LocalDate receivedOn,
        int supporters) {}
