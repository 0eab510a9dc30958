package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.stats.OpenDataStatistics;
import org.opengru.core.stats.RequestFacts;
import org.opengru.core.stats.StatisticsRow;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

@ExtendWith(EmbeddedPostgresExtension.class)
class OpenDataStatisticsTest {

    private static final ProcedureCode CANTINE = ProcedureCode.of("inscription-cantine");
    private static final ProcedureCode VOIRIE = ProcedureCode.of("permis-stationnement");
    private final PostgresDatabase db;

    OpenDataStatisticsTest(PostgresDatabase db) {
        this.db = db;
    }

    private static RequestFacts decided(
            ProcedureCode p, String received, double days, RequestStatus outcome, boolean implicit) {
        Instant r = Instant.parse(received);
        return new RequestFacts(p, r, r.plus(Duration.ofMinutes(Math.round(days * 1440))), outcome, implicit);
    }

    @Test
    void countsPerProcedureAndParisMonthWithTheMedianProcessingTime() {
        List<RequestFacts> facts = List.of(
                decided(CANTINE, "2026-03-02T09:00:00Z", 2, RequestStatus.ACCEPTED, false),
                decided(CANTINE, "2026-03-03T09:00:00Z", 10, RequestStatus.REJECTED, false),
                decided(CANTINE, "2026-03-04T09:00:00Z", 4, RequestStatus.ACCEPTED, true),
                new RequestFacts(CANTINE, Instant.parse("2026-03-05T09:00:00Z"), null, null, false),
                // 23:30 UTC on 31 January is already February in Paris.
                decided(CANTINE, "2026-01-31T23:30:00Z", 1, RequestStatus.CLOSED_WITHOUT_FOLLOW_UP, false),
                decided(VOIRIE, "2026-03-10T09:00:00Z", 3, RequestStatus.ACCEPTED, false),
                decided(VOIRIE, "2026-03-11T09:00:00Z", 5, RequestStatus.ACCEPTED, false));

        List<StatisticsRow> rows = OpenDataStatistics.unsuppressed().rows(facts);

        assertThat(rows)
                .containsExactly(
                        new StatisticsRow(CANTINE, YearMonth.of(2026, 2), 1, 1, 0, 0, 1, 0, 1.0),
                        new StatisticsRow(CANTINE, YearMonth.of(2026, 3), 4, 3, 2, 1, 0, 1, 4.0),
                        new StatisticsRow(VOIRIE, YearMonth.of(2026, 3), 2, 2, 2, 0, 0, 0, 4.0));
        // tag::csv[]
        String csv = OpenDataStatistics.unsuppressed().csv(rows);
        assertThat(csv.split("\r\n"))
                .containsExactly(
                        OpenDataStatistics.HEADER,
                        "inscription-cantine,2026-02,1,1,0,0,1,0,1.0",
                        "inscription-cantine,2026-03,4,3,2,1,0,1,4.0",
                        "permis-stationnement,2026-03,2,2,2,0,0,0,4.0");
    }

    @Test
    void smallCountsAreLeftBlankUnderTheStatisticalSecret() {
        List<RequestFacts> facts = List.of(
                decided(CANTINE, "2026-03-02T09:00:00Z", 2, RequestStatus.ACCEPTED, false),
                decided(CANTINE, "2026-03-03T09:00:00Z", 4, RequestStatus.ACCEPTED, false));
        OpenDataStatistics stats = new OpenDataStatistics(3);
        assertThat(stats.csv(stats.rows(facts)).split("\r\n")[1]).isEqualTo("inscription-cantine,2026-03,,,,0,0,0,");
    }

    @Test
    void thePostgresSourceReadsDecisionsWithoutPersonalData() {
        PostgresPersistence pg = PostgresPersistence.builder(db.dataSource(), Clock.systemUTC())
                .outboxSubscribers(Set.of())
                .build();
        pg.migrate();
        RequestFixtures fixtures = new RequestFixtures();
        Instant t = Instant.parse("2026-03-02T09:00:00Z");
        for (int i = 0; i < 3; i++) {
            Request draft = pg.requestStore()
                    .apply(fixtures.draft(UsagerId.of(UUID.randomUUID()), t, null))
                    .request();
            Request submitted =
                    pg.requestStore().apply(fixtures.submit(draft, t, null)).request();
            if (i < 2) {
                pg.requestStore()
                        .apply(fixtures.decide(
                                submitted, RequestStatus.ACCEPTED, i == 1, t.plus(Duration.ofDays(2L + 2 * i))));
            }
        }
        String csv = OpenDataStatistics.unsuppressed()
                .csv(pg.statisticsSource(), fixtures.tenant(), YearMonth.of(2026, 1), YearMonth.of(2026, 12));
        // end::csv[]
        assertThat(csv.split("\r\n"))
                .containsExactly(OpenDataStatistics.HEADER, "inscription-cantine,2026-03,3,2,2,0,0,1,3.0");
    }
}
