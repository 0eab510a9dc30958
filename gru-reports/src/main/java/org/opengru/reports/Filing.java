package org.opengru.reports;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What filing a report gave: filed (a resident's report, {@link ReportStatus#RECEIVED}) or waiting for
 * the e-mail's verification (an anonymous one).
 *
 * @param photoPosition the first photo's EXIF position, when it had one (stripped from the stored photo)
 */
public record Filing(Report report, @Nullable GeoPoint photoPosition) {

    public Filing {
        Objects.requireNonNull(report, "report");
    }

    /** Whether the reporter must now follow the link sent by e-mail for the report to be filed. */
    public boolean awaitingVerification() {
        return report.status() == ReportStatus.AWAITING_VERIFICATION;
    }
}
