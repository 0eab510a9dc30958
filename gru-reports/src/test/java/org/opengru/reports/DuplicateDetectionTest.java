package org.opengru.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.reports.ReportsFixture.CENTRE;
import static org.opengru.reports.ReportsFixture.TENANT;
import static org.opengru.reports.ReportsFixture.north;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.value.EmailAddress;

/** "Déjà signalé ?": the open reports of the same category near the point, and the "+1" that follows one. */
class DuplicateDetectionTest {

    private final ReportsFixture f = new ReportsFixture(ReportStore.inMemory());
    private final Reporter claire = Reporter.resident(UsagerId.of(UUID.randomUUID()));
    private final Reporter paul = Reporter.resident(UsagerId.of(UUID.randomUUID()));

    @Test
    void onlyOpenReportsOfTheSameCategoryWithinTheRadiusAreProposedNearestFirst() {
        Report near = f.service.file(f.draft(claire).at(north(CENTRE, 30))).report();
        Report nearer = f.service.file(f.draft(claire).at(north(CENTRE, 10))).report();
        f.service.file(f.draft(claire).at(north(CENTRE, 80))); // beyond 50 m
        f.service.file(f.draft(claire).category("eclairage").at(north(CENTRE, 5))); // another category
        Report closed = f.service.file(f.draft(claire).at(north(CENTRE, 2))).report();
        f.service.changeStatus(TENANT, closed.id(), ReportStatus.RESOLVED, AgentId.of("agent-1"));

        List<NearbyReport> proposed = f.service.nearby(TENANT, "depot-sauvage", CENTRE);

        assertThat(proposed).extracting(NearbyReport::id).containsExactly(nearer.id(), near.id());
        assertThat(proposed.get(0).distanceMetres()).isBetween(9.0, 11.0);
        assertThat(proposed.get(1).distanceMetres()).isBetween(29.0, 31.0);
        assertThat(f.service.nearby(TENANT, "eclairage", north(CENTRE, 200))).isEmpty();
    }

    @Test
    void theRadiusIsMeasuredOnTheGroundEastwardsAndAcross() {
        // 0.0006° of longitude is about 44 m at this latitude, 0.0008° about 59 m.
        Report in = f.service
                .file(f.draft(claire).at(new GeoPoint(CENTRE.lat(), CENTRE.lon() + 0.0006)))
                .report();
        f.service.file(f.draft(claire).at(new GeoPoint(CENTRE.lat(), CENTRE.lon() + 0.0008)));
        // 40 m north and 40 m east: 57 m away, in the search box's corner yet beyond the radius.
        f.service.file(f.draft(claire).at(new GeoPoint(north(CENTRE, 40).lat(), CENTRE.lon() + 0.000546)));

        assertThat(f.service.nearby(TENANT, "depot-sauvage", CENTRE))
                .extracting(NearbyReport::id)
                .containsExactly(in.id());
    }

    @Test
    void aPlusOneFollowsTheReportAndEveryReporterIsToldOfEachChange() {
        Report r = f.service.file(f.draft(claire)).report();
        EmailAddress anne = EmailAddress.parse("anne@example.org");

        f.service.support(TENANT, r.id(), paul, "198.51.100.1");
        f.service.support(TENANT, r.id(), paul, "198.51.100.1"); // twice: still one follower
        f.service.support(TENANT, r.id(), Reporter.anonymous(anne), "198.51.100.2");
        f.service.verify(TENANT, f.verificationTokens().get(0));
        f.notices.clear();

        f.service.changeStatus(TENANT, r.id(), ReportStatus.IN_PROGRESS, AgentId.of("agent-1"));

        assertThat(f.service.report(TENANT, r.id()).followers()).hasSize(3);
        assertThat(f.service.nearby(TENANT, "depot-sauvage", CENTRE).get(0).supporters())
                .isEqualTo(3);
        assertThat(f.notices)
                .extracting(ReportNotice::to)
                .containsExactlyInAnyOrder(claire, paul, Reporter.anonymous(anne));
        assertThat(f.notices).extracting(ReportNotice::status).containsOnly(ReportStatus.IN_PROGRESS);
        assertThat(f.notices)
                .extracting(ReportNotice::eventId)
                .hasSize(3)
                .containsOnly(f.notices.get(0).eventId());
    }

    @Test
    void aClosedReportTakesNoPlusOne() {
        Report r = f.service.file(f.draft(claire)).report();
        f.service.changeStatus(TENANT, r.id(), ReportStatus.REJECTED, AgentId.of("agent-1"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.service.support(TENANT, r.id(), paul, "x"))
                .isInstanceOf(org.opengru.core.error.ValidationException.class)
                .hasMessageContaining("report")
                .satisfies(e -> assertThat(((org.opengru.core.error.ValidationException) e)
                                .violations()
                                .get(0)
                                .code())
                        .isEqualTo("report.closed"));
    }
}
