package org.opengru.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengru.reports.ReportsFixture.CENTRE;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;
import org.opengru.documents.storage.BlobKey;

/** What every {@link ReportStore} does; one subclass per adapter. */
public abstract class ReportStoreContract {

    protected abstract ReportStore store();

    /** A commune of its own per test: the PostgreSQL database is shared by the test class. */
    private final TenantId tenant =
            TenantId.of("commune-" + UUID.randomUUID().toString().substring(0, 8));

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private final UsagerId claire = UsagerId.of(UUID.randomUUID());
    private final EmailAddress anne = EmailAddress.parse("anne@example.org");

    private Report report(TenantId tenant, ReportStatus status, String category, GeoPoint at, Instant created) {
        boolean waiting = status == ReportStatus.AWAITING_VERIFICATION;
        Follower author = waiting
                ? new Follower(Reporter.anonymous(anne), created, false, "ab".repeat(32), created.plusSeconds(3600))
                : Follower.resident(new Reporter.Resident(claire), created);
        return new Report(
                tenant,
                new ReportId(UUID.randomUUID()),
                category,
                at,
                waiting ? null : "3 rue de la Paix",
                "sud",
                "Des gravats",
                List.of(new ReportPhoto(new BlobKey("0123456789abcdef0123"), "image/jpeg", 1234)),
                status,
                TeamId.of("voirie"),
                List.of(author),
                List.of(new ReportChange(created, null, status, "reporter")),
                created,
                waiting ? null : created,
                status == ReportStatus.RESOLVED ? created.plusSeconds(86_400) : null,
                null,
                0);
    }

    private Report received(String category, GeoPoint at) {
        return report(tenant, ReportStatus.RECEIVED, category, at, T0);
    }

    @Test
    void aReportIsStoredWholeAndFoundInItsCollectiviteOnly() {
        Report r = received("depot-sauvage", CENTRE);
        store().insert(r);

        assertThat(store().find(tenant, r.id())).contains(r);
        assertThat(store().find(TenantId.of("autre-commune"), r.id())).isEmpty();
        assertThatThrownBy(() -> store().insert(r)).isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void anUpdateWritesOnlyOverTheVersionItWasReadAt() {
        Report r = received("depot-sauvage", CENTRE);
        store().insert(r);
        Report moved =
                r.moved(ReportStatus.IN_PROGRESS, T0.plusSeconds(60), "agent:a").next();
        store().update(moved);

        assertThat(store().find(tenant, r.id())).contains(moved);
        Report stale =
                r.moved(ReportStatus.REJECTED, T0.plusSeconds(90), "agent:b").next();
        assertThatThrownBy(() -> store().update(stale)).isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
            assertThat(e.expectedVersion()).isZero();
            assertThat(e.actualVersion()).isEqualTo(1);
        });
        assertThat(store().find(tenant, r.id()).orElseThrow().status()).isEqualTo(ReportStatus.IN_PROGRESS);
    }

    @Test
    void followersKeepTheirOrderAndTheirVerification() {
        Report r = received("depot-sauvage", CENTRE);
        store().insert(r);
        Report grown = r.withFollowers(List.of(
                        r.followers().get(0),
                        new Follower(Reporter.anonymous(anne), T0, false, "cd".repeat(32), T0.plusSeconds(60))))
                .next();
        store().update(grown);

        assertThat(store().find(tenant, r.id()).orElseThrow().followers()).isEqualTo(grown.followers());
        assertThat(store().findByTokenHash(tenant, "cd".repeat(32)))
                .map(Report::id)
                .contains(r.id());
        assertThat(store().findByTokenHash(tenant, "ef".repeat(32))).isEmpty();
        assertThat(store().followedBy(tenant, anne)).extracting(Report::id).containsExactly(r.id());
        assertThat(store().followedBy(tenant, claire)).extracting(Report::id).containsExactly(r.id());
        assertThat(store().withExpiredTokens(tenant, T0.plusSeconds(61), 10))
                .extracting(Report::id)
                .containsExactly(r.id());
        assertThat(store().withExpiredTokens(tenant, T0.plusSeconds(59), 10)).isEmpty();
    }

    @Test
    void theListFiltersAndLeavesOutUnverifiedReports() {
        Report a = received("depot-sauvage", CENTRE);
        Report b = report(tenant, ReportStatus.IN_PROGRESS, "eclairage", CENTRE, T0.plusSeconds(10));
        Report waiting =
                report(tenant, ReportStatus.AWAITING_VERIFICATION, "depot-sauvage", CENTRE, T0.plusSeconds(20));
        Report elsewhere = report(TenantId.of("autre-commune"), ReportStatus.RECEIVED, "depot-sauvage", CENTRE, T0);
        List.of(a, b, waiting, elsewhere).forEach(store()::insert);

        assertThat(store().list(ReportQuery.all(tenant))).extracting(Report::id).containsExactly(b.id(), a.id());
        assertThat(store().list(ReportQuery.all(tenant).category("eclairage")))
                .extracting(Report::id)
                .containsExactly(b.id());
        assertThat(store().list(ReportQuery.all(tenant).status(ReportStatus.RECEIVED)))
                .extracting(Report::id)
                .containsExactly(a.id());
        assertThat(store().list(ReportQuery.all(tenant).zone("nord"))).isEmpty();
        assertThat(store().list(new ReportQuery(tenant, null, null, null, 1))).hasSize(1);
    }

    @Test
    void openReportsInABoxOfOneCategory() {
        Report in = received("depot-sauvage", CENTRE);
        Report out = received("depot-sauvage", new GeoPoint(48.86, 2.35));
        Report other = received("eclairage", CENTRE);
        Report closed = report(tenant, ReportStatus.RESOLVED, "depot-sauvage", CENTRE, T0);
        List.of(in, out, other, closed).forEach(store()::insert);

        assertThat(store().openInBox(tenant, "depot-sauvage", 48.849, 2.349, 48.851, 2.351))
                .extracting(Report::id)
                .containsExactly(in.id());
    }

    @Test
    void resolvedAndClosedReportsByDate() {
        Report resolved = report(tenant, ReportStatus.RESOLVED, "depot-sauvage", CENTRE, T0);
        store().insert(resolved);
        store().insert(received("depot-sauvage", CENTRE));
        Instant at = resolved.resolvedAt();

        assertThat(store().resolvedBetween(tenant, at, at.plusSeconds(1)))
                .extracting(Report::id)
                .containsExactly(resolved.id());
        assertThat(store().resolvedBetween(tenant, at.plusSeconds(1), at.plusSeconds(2)))
                .isEmpty();
        assertThat(store().closedWithPersonalDataBefore(tenant, at.plusSeconds(1), 10))
                .extracting(Report::id)
                .containsExactly(resolved.id());
        store().update(resolved.anonymised().next());
        assertThat(store().closedWithPersonalDataBefore(tenant, at.plusSeconds(1), 10))
                .isEmpty();
    }

    @Test
    void aDeletedReportTakesItsPartsWithIt() {
        Report r = received("depot-sauvage", CENTRE);
        store().insert(r);

        assertThat(store().delete(tenant, r.id())).isTrue();
        assertThat(store().delete(tenant, r.id())).isFalse();
        assertThat(store().find(tenant, r.id())).isEmpty();
        assertThat(store().followedBy(tenant, claire)).isEmpty();
    }
}
