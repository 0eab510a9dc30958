package org.opengru.reports;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What filing a report gave: filed (a resident's report, {@link ReportStatus#RECEIVED}) or waiting for
 * the e-mail's verification (an anonymous one).
 *
 * @param photoPosition the first photo's EXIF position, when it had one (stripped from the stored photo)
 * @param report the report as stored
 */
public record Filing(Report report, @Nullable GeoPoint photoPosition) {

    /**
     * Checks that the report is present.
     *
     * @param report the report as stored
     * @param photoPosition the first photo's EXIF position, when it had one (stripped from the stored photo)
     * @throws NullPointerException when it is missing
     */
    public Filing {
        Objects.requireNonNull(report, "report");
    }

    /**
     * Whether the reporter must now follow the link sent by e-mail for the report to be filed.
     *
     * @return {@code true} for an anonymous report not yet verified
     */
    public boolean awaitingVerification() {
        return report.status() == ReportStatus.AWAITING_VERIFICATION;
    }
}
