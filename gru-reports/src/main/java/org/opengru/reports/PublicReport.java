package org.opengru.reports;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A report as the public page and map show it: what, where, since when, where it stands. Nothing
 * personal: no description, typed address, photo, reporter nor history actor; the point is rounded to
 * four decimals (about ten metres).
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
