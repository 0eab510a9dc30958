package org.opengru.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengru.reports.ReportsFixture.ACCUEIL;
import static org.opengru.reports.ReportsFixture.CENTRE;
import static org.opengru.reports.ReportsFixture.NORD;
import static org.opengru.reports.ReportsFixture.PROPRETE_NORD;
import static org.opengru.reports.ReportsFixture.TENANT;
import static org.opengru.reports.ReportsFixture.VOIRIE;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.UsagerId;

/** Routing by category and zone, the agents' list, bulk changes and merging duplicates. */
class AgentsTest {

    private final ReportsFixture f = new ReportsFixture(ReportStore.inMemory());
    private final Reporter claire = Reporter.resident(UsagerId.of(UUID.randomUUID()));
    private final Reporter paul = Reporter.resident(UsagerId.of(UUID.randomUUID()));
    private final AgentId agent = AgentId.of("agent-1");

    @Test
    void eachReportGoesToTheTeamOfItsCategoryAndZone() {
        Report lightSud = f.service.file(f.draft(claire).category("eclairage")).report();
        Report lightNord =
                f.service.file(f.draft(claire).category("eclairage").at(NORD)).report();
        Report dumpNord = f.service.file(f.draft(claire).at(NORD)).report();
        Report dumpSud = f.service.file(f.draft(claire)).report();

        assertThat(lightSud.team()).isEqualTo(VOIRIE);
        assertThat(lightNord.team()).isEqualTo(VOIRIE);
        assertThat(dumpNord.team()).isEqualTo(PROPRETE_NORD);
        assertThat(dumpNord.zone()).isEqualTo("nord");
        assertThat(dumpSud.team()).as("no rule: the default team").isEqualTo(ACCUEIL);
        assertThat(dumpSud.zone()).isEqualTo("sud");
    }

    @Test
    void theListFiltersByCategoryStatusAndZone() {
        Report a = f.service.file(f.draft(claire).at(NORD)).report();
        Report b = f.service.file(f.draft(claire)).report();
        Report c = f.service.file(f.draft(claire).category("eclairage")).report();
        f.service.changeStatus(TENANT, b.id(), ReportStatus.IN_PROGRESS, agent);

        ReportQuery all = ReportQuery.all(TENANT);
        assertThat(f.service.list(all)).hasSize(3);
        assertThat(f.service.list(all.category("depot-sauvage")))
                .extracting(Report::id)
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(f.service.list(all.status(ReportStatus.IN_PROGRESS)))
                .extracting(Report::id)
                .containsExactly(b.id());
        assertThat(f.service.list(all.zone("sud"))).extracting(Report::id).containsExactlyInAnyOrder(b.id(), c.id());
        assertThat(f.service.list(all.category("depot-sauvage").zone("sud").status(ReportStatus.RECEIVED)))
                .isEmpty();
    }

    @Test
    void aBulkChangeWithOneIllegalMoveChangesNothing() {
        Report a = f.service.file(f.draft(claire)).report();
        Report b = f.service.file(f.draft(claire)).report();
        f.service.changeStatus(TENANT, b.id(), ReportStatus.REJECTED, agent);
        f.notices.clear();

        assertThatThrownBy(
                        () -> f.service.changeStatus(TENANT, List.of(a.id(), b.id()), ReportStatus.IN_PROGRESS, agent))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.objectId()).isEqualTo(b.id().toString());
                    assertThat(e.state()).isEqualTo("REJECTED");
                });
        assertThat(f.service.report(TENANT, a.id()).status()).isEqualTo(ReportStatus.RECEIVED);
        assertThat(f.notices).isEmpty();
    }

    @Test
    void aBulkChangeMovesEveryReportAndTellsEachReporter() {
        Report a = f.service.file(f.draft(claire)).report();
        Report b = f.service.file(f.draft(paul)).report();
        f.notices.clear();

        List<Report> moved = f.service.changeStatus(TENANT, List.of(a.id(), b.id()), ReportStatus.RESOLVED, agent);

        assertThat(moved).extracting(Report::status).containsOnly(ReportStatus.RESOLVED);
        assertThat(moved.get(0).history()).last().satisfies(h -> {
            assertThat(h.from()).isEqualTo(ReportStatus.RECEIVED);
            assertThat(h.actor()).isEqualTo("agent:agent-1");
        });
        assertThat(f.notices).extracting(ReportNotice::to).containsExactlyInAnyOrder(claire, paul);
    }

    @Test
    void theTransitionTableIsTheOnlyWayToMove() {
        Report a = f.service.file(f.draft(claire)).report();
        f.service.changeStatus(TENANT, a.id(), ReportStatus.RESOLVED, agent);
        f.service.changeStatus(TENANT, a.id(), ReportStatus.IN_PROGRESS, agent); // reopened

        assertThatThrownBy(() -> f.service.changeStatus(TENANT, a.id(), ReportStatus.RECEIVED, agent))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> f.service.changeStatus(TENANT, a.id(), ReportStatus.AWAITING_VERIFICATION, agent))
                .isInstanceOf(IllegalTransitionException.class);
        for (ReportTransition t : ReportTransition.values()) {
            assertThat(ReportTransition.find(t.from(), t.to(), t.actor())).contains(t);
        }
    }

    @Test
    void mergingADuplicateRejectsItAndItsReportersFollowTheOther() {
        Report kept = f.service.file(f.draft(claire)).report();
        Report dup = f.service
                .file(f.draft(paul).at(ReportsFixture.north(CENTRE, 20)))
                .report();
        f.notices.clear();

        Report merged = f.service.merge(TENANT, dup.id(), kept.id(), agent);

        assertThat(merged.followers()).extracting(Follower::reporter).containsExactly(claire, paul);
        Report closed = f.service.report(TENANT, dup.id());
        assertThat(closed.status()).isEqualTo(ReportStatus.REJECTED);
        assertThat(closed.mergedInto()).isEqualTo(kept.id());
        assertThat(f.notices).singleElement().satisfies(n -> {
            assertThat(n.to()).isEqualTo(paul);
            assertThat(n.report()).isEqualTo(kept.id());
            assertThat(n.mergedInto()).isEqualTo(kept.id());
        });

        f.notices.clear();
        f.service.changeStatus(TENANT, kept.id(), ReportStatus.RESOLVED, agent);
        assertThat(f.notices).extracting(ReportNotice::to).containsExactlyInAnyOrder(claire, paul);
    }
}
