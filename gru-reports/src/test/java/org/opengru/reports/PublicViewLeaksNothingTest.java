package org.opengru.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.reports.ReportsFixture.CENTRE;
import static org.opengru.reports.ReportsFixture.TENANT;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.value.EmailAddress;
import org.opengru.reports.opendata.ReportsOpenData;
import tools.jackson.databind.json.JsonMapper;

/**
 * A canary in every personal field of a report (description, typed address, reporter's e-mail, photo
 * metadata, the resident's id) is absent from the public page's model, the duplicate proposal and the
 * open-data export.
 */
class PublicViewLeaksNothingTest {

    private static final String CANARY = "CANARI-7f3a";

    @Test
    void noPersonalFieldReachesThePublicViewNorTheExport() {
        ReportsFixture f = new ReportsFixture(ReportStore.inMemory());
        UsagerId usager = UsagerId.of(UUID.randomUUID());
        EmailAddress email = EmailAddress.parse("canari-7f3a@example.org");
        f.addresses.put(
                "1 rue " + CANARY,
                new org.opengru.core.catalogue.geocoding.GeocodedAddress(
                        "1 Rue " + CANARY + " 75002 Paris",
                        "1",
                        "Rue " + CANARY,
                        "75002",
                        "75102",
                        "Paris",
                        0.9,
                        "housenumber",
                        48.8501,
                        2.3501));
        List<Report> reports = new ArrayList<>();
        reports.add(f.service
                .file(ReportDraft.by(TENANT, Reporter.resident(usager), "203.0.113.7")
                        .category("depot-sauvage")
                        .address("1 rue " + CANARY)
                        .description("Gravats devant chez " + CANARY)
                        .photo(ReportsFixture.jpeg(CENTRE, CANARY)))
                .report());
        f.service.file(ReportDraft.by(TENANT, Reporter.anonymous(email), "203.0.113.8")
                .category("depot-sauvage")
                .at(CENTRE)
                .description("Signalé par " + CANARY));
        reports.add(f.service.verify(TENANT, f.verificationTokens().get(0)));
        f.service.support(TENANT, reports.get(0).id(), Reporter.anonymous(email), "203.0.113.8");
        f.clock.advance(Duration.ofDays(2));
        f.service.changeStatus(
                TENANT, reports.get(1).id(), ReportStatus.RESOLVED, AgentId.of("agent-" + CANARY.toLowerCase()));

        assertThat(f.store.find(TENANT, reports.get(0).id()).orElseThrow().toString())
                .as("the canary is in the stored report")
                .contains(CANARY);

        List<PublicReport> page = f.service.publicReports(TENANT, 100);
        assertThat(page).hasSize(2);
        ReportsOpenData openData = new ReportsOpenData(0);
        List<ReportsOpenData.Row> rows = openData.rows(f.service, TENANT, YearMonth.of(2026, 3));
        assertThat(rows).hasSize(1);

        List<String> published = List.of(
                page.toString(),
                JsonMapper.builder().build().writeValueAsString(page),
                f.service.nearby(TENANT, "depot-sauvage", CENTRE).toString(),
                openData.csv(rows),
                openData.geoJson(rows, f.service.settings(TENANT)));
        for (String text : published) {
            assertThat(text.toLowerCase(java.util.Locale.ROOT))
                    .doesNotContain(CANARY.toLowerCase(java.util.Locale.ROOT))
                    .doesNotContain(usager.value().toString())
                    .doesNotContain("example.org");
        }
    }
}
