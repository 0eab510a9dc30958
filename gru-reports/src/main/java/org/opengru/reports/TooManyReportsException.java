package org.opengru.reports;

import org.opengru.core.error.GruException;

/**
 * Refused by the {@link FloodGuard}: too many reports from one origin. Nothing was checked nor stored;
 * the portal answers HTTP 429 with {@link #french()}.
 */
public class TooManyReportsException extends GruException {

    /**
     * Refuses one more report from that origin.
     *
     * @param origin the origin, as the host gave it to the {@link FloodGuard}
     */
    public TooManyReportsException(String origin) {
        super("too many reports from origin " + origin);
    }

    /**
     * The stable code, as {@link ReportRefusal#TOO_MANY_REPORTS}'s.
     *
     * @return {@code report.too-many}
     */
    public String code() {
        return ReportRefusal.TOO_MANY_REPORTS.code();
    }

    /**
     * The sentence for the resident.
     *
     * @return the French sentence
     */
    public String french() {
        return ReportRefusal.TOO_MANY_REPORTS.french();
    }
}
