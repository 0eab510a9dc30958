package org.opengru.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.reports.ReportsFixture.CENTRE;
import static org.opengru.reports.ReportsFixture.TENANT;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.UsagerId;

/**
 * For any reports scattered around a point (any category, open or closed), the proposal is exactly the
 * open reports of the category within the radius, measured on the ground, nearest first: the search box
 * neither loses one (at any bearing) nor lets one beyond the radius through.
 */
class DuplicateProposalPropertyTest {

    private static final double METRES_PER_DEGREE_LAT = 111_195.0;

    @Test
    void theProposalIsExactlyTheOpenReportsOfTheCategoryWithinTheRadius() {
        qt().withExamples(60)
                .forAll(lists().of(lists().of(integers().between(-90, 90)).ofSize(4))
                        .ofSizeBetween(0, 12))
                .checkAssert(this::proposal);
    }

    /** Each report: metres north, metres east, category (even: depot-sauvage), closed when odd. */
    private void proposal(List<List<Integer>> reports) {
        ReportsFixture f = new ReportsFixture(ReportStore.inMemory());
        Reporter claire = Reporter.resident(UsagerId.of(UUID.randomUUID()));
        Set<ReportId> expected = new HashSet<>();
        for (List<Integer> r : reports) {
            double lat = CENTRE.lat() + r.get(0) / METRES_PER_DEGREE_LAT;
            double lon = CENTRE.lon() + r.get(1) / (METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(CENTRE.lat())));
            GeoPoint at = new GeoPoint(lat, lon);
            String category = r.get(2) % 2 == 0 ? "depot-sauvage" : "eclairage";
            Report filed =
                    f.service.file(f.draft(claire).category(category).at(at)).report();
            boolean closed = r.get(3) % 2 != 0;
            if (closed) {
                f.service.changeStatus(TENANT, filed.id(), ReportStatus.RESOLVED, AgentId.of("agent-1"));
            }
            if (!closed && category.equals("depot-sauvage") && at.distanceMetres(CENTRE) <= 50) {
                expected.add(filed.id());
            }
        }

        List<NearbyReport> proposed = f.service.nearby(TENANT, "depot-sauvage", CENTRE);

        assertThat(proposed).extracting(NearbyReport::id).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(proposed).isSortedAccordingTo(java.util.Comparator.comparingDouble(NearbyReport::distanceMetres));
    }
}
