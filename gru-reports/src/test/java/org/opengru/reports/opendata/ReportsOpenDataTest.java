package org.opengru.reports.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.reports.ReportsFixture.CENTRE;
import static org.opengru.reports.ReportsFixture.NORD;
import static org.opengru.reports.ReportsFixture.TENANT;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.UsagerId;
import org.opengru.reports.GeoPoint;
import org.opengru.reports.Report;
import org.opengru.reports.ReportStatus;
import org.opengru.reports.ReportStore;
import org.opengru.reports.Reporter;
import org.opengru.reports.ReportsFixture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The resolved reports of a month per category and zone, small counts left empty. */
class ReportsOpenDataTest {

    private final ReportsFixture f = new ReportsFixture(ReportStore.inMemory());
    private final Reporter claire = Reporter.resident(UsagerId.of(UUID.randomUUID()));
    private final AgentId agent = AgentId.of("agent-1");

    @Test
    void resolvedReportsPerMonthCategoryAndZoneWithSmallCountsSuppressed() {
        for (int i = 0; i < 5; i++) {
            resolveAfter(CENTRE, Duration.ofDays(i + 1)); // sud: 5 resolved in 1..5 days, median 3
        }
        resolveAfter(NORD, Duration.ofDays(1)); // nord: 1 only
        Report open = f.service.file(f.draft(claire)).report(); // not resolved: not counted
        f.service.changeStatus(TENANT, open.id(), ReportStatus.IN_PROGRESS, agent);

        ReportsOpenData openData = new ReportsOpenData(3);
        var rows = openData.rows(f.service, TENANT, YearMonth.of(2026, 3));

        assertThat(openData.csv(rows))
                .isEqualTo(ReportsOpenData.HEADER + "\r\n"
                        + "2026-03,depot-sauvage,nord,,\r\n"
                        + "2026-03,depot-sauvage,sud,5,3.0\r\n");
        JsonNode geo = JsonMapper.builder().build().readTree(openData.geoJson(rows, f.service.settings(TENANT)));
        assertThat(geo.get("type").asString()).isEqualTo("FeatureCollection");
        JsonNode nord = geo.get("features").get(0);
        assertThat(nord.get("geometry").get("type").asString()).isEqualTo("Polygon");
        assertThat(nord.get("geometry").get("coordinates").get(0)).hasSize(5); // closed ring
        assertThat(nord.get("properties").get("resolved").isNull()).isTrue();
        assertThat(nord.get("properties").get("zone_name").asString()).isEqualTo("Quartier nord");
        assertThat(geo.get("features").get(1).get("properties").get("resolved").asInt())
                .isEqualTo(5);
        assertThat(openData.rows(f.service, TENANT, YearMonth.of(2026, 4))).isEmpty();
    }

    private void resolveAfter(GeoPoint at, Duration after) {
        Instant start = f.clock.instant();
        Report r = f.service.file(f.draft(claire).at(at)).report();
        f.clock.advance(after);
        f.service.changeStatus(TENANT, r.id(), ReportStatus.RESOLVED, agent);
        f.clock.set(start);
    }
}
