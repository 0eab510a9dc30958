package org.opengru.reports;

import org.opengru.core.error.GruException;

/**
 * Refused by the {@link FloodGuard}: too many reports from one origin. Nothing was checked nor stored;
 * the portal answers HTTP 429 with {@link #french()}.
 */
public class TooManyReportsException extends GruException {

    public TooManyReportsException(String origin) {
        super("too many reports from origin " + origin);
    }

    public String code() {
        return ReportRefusal.TOO_MANY_REPORTS.code();
    }

    public String french() {
        return ReportRefusal.TOO_MANY_REPORTS.french();
    }
}
