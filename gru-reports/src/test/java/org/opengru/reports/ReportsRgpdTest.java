package org.opengru.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.reports.ReportsFixture.TENANT;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.value.EmailAddress;

/** Export, erasure and purge of what the reports hold on a person. */
class ReportsRgpdTest {

    private final ReportsFixture f = new ReportsFixture(ReportStore.inMemory());
    private final UsagerId usager = UsagerId.of(UUID.randomUUID());
    private final Reporter claire = Reporter.resident(usager);
    private final Reporter paul = Reporter.resident(UsagerId.of(UUID.randomUUID()));

    @Test
    void theExportListsTheReportsFollowedWithTheAuthorsOwnWords() {
        Report mine = f.service
                .file(f.draft(claire).photo(ReportsFixture.plainJpeg()))
                .report();
        Report theirs = f.service.file(f.draft(paul).description("Autre chose")).report();
        f.service.support(TENANT, theirs.id(), claire, "x");

        var export = f.service.export(TENANT, claire);

        assertThat(export).hasSize(2);
        assertThat(export.get(0)).containsEntry("report", mine.id().toString()).containsEntry("role", "auteur");
        assertThat(export.get(0).get("description")).isEqualTo(mine.description());
        assertThat(export.get(1)).containsEntry("role", "soutien (+1)").doesNotContainKey("description");
    }

    @Test
    void erasureDetachesThePersonAndBlanksWhatTheyWrote() {
        Report mine = f.service
                .file(f.draft(claire).photo(ReportsFixture.plainJpeg()))
                .report();
        Report theirs = f.service.file(f.draft(paul)).report();
        f.service.support(TENANT, mine.id(), paul, "x");
        f.service.support(TENANT, theirs.id(), claire, "x");

        assertThat(f.service.erase(TENANT, claire)).isEqualTo(2);

        Report after = f.service.report(TENANT, mine.id());
        assertThat(after.description()).isEqualTo(Report.ANONYMISED);
        assertThat(after.photos()).isEmpty();
        assertThat(after.followers()).extracting(Follower::reporter).containsExactly(paul);
        assertThat(f.blobs.live).isEmpty();
        assertThat(f.service.report(TENANT, theirs.id()).followers())
                .extracting(Follower::reporter)
                .containsExactly(paul);
        assertThat(f.service.export(TENANT, claire)).isEmpty();
    }

    @Test
    void anEmailFollowerIsErasedByAddress() {
        EmailAddress anne = EmailAddress.parse("anne@example.org");
        f.service.file(f.draft(Reporter.anonymous(anne)));
        Report filed = f.service.verify(TENANT, f.verificationTokens().get(0));

        assertThat(f.service.erase(TENANT, Reporter.anonymous(anne))).isEqualTo(1);

        assertThat(f.service.report(TENANT, filed.id()).followers()).isEmpty();
        assertThat(f.store.followedBy(TENANT, anne)).isEmpty();
    }

    @Test
    void closedReportsLoseTheirPersonalDataAfterTheCommunesDelay() {
        Report r = f.service
                .file(f.draft(claire).photo(ReportsFixture.plainJpeg()))
                .report();
        Report open = f.service.file(f.draft(paul)).report();
        f.service.changeStatus(TENANT, r.id(), ReportStatus.RESOLVED, AgentId.of("agent-1"));
        f.clock.advance(Duration.ofDays(364));
        assertThat(f.service.purge(TENANT)).isZero();

        f.clock.advance(Duration.ofDays(2));
        assertThat(f.service.purge(TENANT)).isEqualTo(1);

        Report purged = f.service.report(TENANT, r.id());
        assertThat(purged.description()).isEqualTo(Report.ANONYMISED);
        assertThat(purged.followers()).isEmpty();
        assertThat(purged.photos()).isEmpty();
        assertThat(purged.category()).isEqualTo("depot-sauvage");
        assertThat(purged.resolvedAt()).isNotNull();
        assertThat(f.blobs.live).isEmpty();
        assertThat(f.service.report(TENANT, open.id()).description()).isNotEqualTo(Report.ANONYMISED);
        assertThat(f.service.purge(TENANT)).as("once").isZero();
    }
}
