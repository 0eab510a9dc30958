package org.opengru.reports.internal;

import org.opengru.reports.ReportStore;
import org.opengru.reports.ReportStoreContract;

class InMemoryReportStoreTest extends ReportStoreContract {

    private final InMemoryReportStore store = new InMemoryReportStore();

    @Override
    protected ReportStore store() {
        return store;
    }
}
