package org.opengru.reports;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A report as the public page and map show it: what, where, since when, where it stands. Nothing
 * personal: no description, typed address, photo, reporter nor history actor; the point is rounded to
 * four decimals (about ten metres).
 *
 * @param id the report, its public reference
 * @param category the category's code
 * @param categoryLabel the category as residents read it
 * @param zone the zone's id, or {@code null}
 * @param zoneName the zone's name, or {@code null}
 * @param status where it stands
 * @param statusLabel the status in French
 * @param lat the latitude, rounded to four decimals
 * @param lon the longitude, rounded to four decimals
 * @param receivedOn the day it was filed
 * @param resolvedOn the day it was resolved, or {@code null}
 * @param supporters how many people follow it
 */
public record PublicReport(
        ReportId id,
        String category,
        String categoryLabel,
        @Nullable String zone,
        @Nullable String zoneName,
        ReportStatus status,
        String statusLabel,
        double lat,
        double lon,
        LocalDate receivedOn,
        @Nullable LocalDate resolvedOn,
        int supporters) {}
