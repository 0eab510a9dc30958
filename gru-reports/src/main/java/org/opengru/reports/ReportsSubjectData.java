package org.opengru.reports;

import java.util.Map;
import java.util.Objects;
import org.opengru.core.id.UsagerId;
import org.opengru.core.rgpd.ErasureOutcome;
import org.opengru.core.rgpd.ReadableExport;
import org.opengru.core.rgpd.SubjectDataContributor;
import org.opengru.core.tenancy.TenantId;

/**
 * gru-reports' share of the subject-access export and of erasure (section {@code reports}), to give
 * gru-core's {@link org.opengru.core.rgpd.SubjectAccess} beside the other modules' contributors. Reporters
 * without an account are exported and erased by e-mail with {@link ReportService#export} and {@link
 * ReportService#erase}.
 */
public final class ReportsSubjectData implements SubjectDataContributor {

    private final ReportService reports;

    /**
     * The contributor over the report service.
     *
     * @param reports the report service
     */
    public ReportsSubjectData(ReportService reports) {
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    @Override
    public String section() {
        return "reports";
    }

    @Override
    public Object collect(TenantId tenant, UsagerId usager) {
        return reports.export(tenant, Reporter.resident(usager));
    }

    @Override
    public ErasureOutcome erase(TenantId tenant, UsagerId usager) {
        return new ErasureOutcome(section(), reports.erase(tenant, Reporter.resident(usager)), 0, null);
    }

    @Override
    public Map<String, String> labels() {
        return ReadableExport.labels(getClass(), "subject-access-labels.properties");
    }
}
