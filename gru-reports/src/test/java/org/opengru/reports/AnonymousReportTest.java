package org.opengru.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengru.reports.ReportsFixture.CENTRE;
import static org.opengru.reports.ReportsFixture.TENANT;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;
import org.opengru.core.value.EmailAddress;

/** A report without an account is filed only once the e-mail that follows it is verified. */
class AnonymousReportTest {

    private final ReportsFixture f = new ReportsFixture(ReportStore.inMemory());
    private final EmailAddress anne = EmailAddress.parse("anne@example.org");
    private final Reporter anonymous = Reporter.anonymous(anne);

    @Test
    void theReportWaitsUnseenUntilTheLinkIsFollowedThenIsFiledAndTheFollowerTold() {
        Filing filing = f.service.file(f.draft(anonymous));

        assertThat(filing.awaitingVerification()).isTrue();
        assertThat(f.mails).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo(anne);
            assertThat(m.token()).hasSizeGreaterThanOrEqualTo(40);
        });
        String token = f.mails.get(0).token();
        assertThat(f.store.find(TENANT, filing.report().id()).orElseThrow().toString())
                .as("the secret is stored only as its hash")
                .doesNotContain(token);
        assertThat(f.service.list(ReportQuery.all(TENANT))).isEmpty();
        assertThat(f.service.nearby(TENANT, "depot-sauvage", CENTRE)).isEmpty();
        assertThat(f.service.publicReports(TENANT, 100)).isEmpty();
        assertThat(f.notices).as("an unverified address is told nothing").isEmpty();

        Report filed = f.service.verify(TENANT, token);

        assertThat(filed.status()).isEqualTo(ReportStatus.RECEIVED);
        assertThat(filed.receivedAt()).isEqualTo(f.clock.instant());
        assertThat(filed.followers())
                .singleElement()
                .satisfies(x -> assertThat(x.verified()).isTrue());
        assertThat(f.service.list(ReportQuery.all(TENANT)))
                .extracting(Report::id)
                .containsExactly(filed.id());
        assertThat(f.notices).singleElement().satisfies(n -> {
            assertThat(n.to()).isEqualTo(anonymous);
            assertThat(n.status()).isEqualTo(ReportStatus.RECEIVED);
        });
        assertThatThrownBy(() -> f.service.verify(TENANT, token))
                .as("a link works once")
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void anExpiredLinkIsRefusedAndTheReportPurged() {
        Filing filing = f.service.file(f.draft(anonymous).photo(ReportsFixture.plainJpeg()));
        String token = f.mails.get(0).token();
        f.clock.advance(Duration.ofHours(24).plusSeconds(1));

        assertThatThrownBy(() -> f.service.verify(TENANT, token))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations().get(0).code()).isEqualTo("report.token-expired");
                    assertThat(e.violations().get(0).french()).contains("a expiré");
                });
        assertThat(f.store.find(TENANT, filing.report().id()).orElseThrow().status())
                .isEqualTo(ReportStatus.AWAITING_VERIFICATION);

        assertThat(f.service.purge(TENANT)).isEqualTo(1);
        assertThat(f.store.find(TENANT, filing.report().id())).isEmpty();
        assertThat(f.blobs.live).as("its photo deleted too").isEmpty();
    }

    @Test
    void anUnknownLinkIsRefusedInFrench() {
        f.service.file(f.draft(anonymous));

        assertThatThrownBy(() -> f.service.verify(TENANT, "pas-un-vrai-jeton"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations().get(0).code()).isEqualTo("report.token-invalid");
                    assertThat(e.violations().get(0).french()).isEqualTo("Ce lien de confirmation n'est pas valable.");
                });
        assertThat(f.service.list(ReportQuery.all(TENANT))).isEmpty();
    }

    @Test
    void aCommuneThatRequiresAnAccountRefusesAnonymousReportsAndStoresNothing() {
        ReportsFixture strict = new ReportsFixture(ReportStore.inMemory(), false, FloodGuard.unlimited());

        assertThatThrownBy(() -> strict.service.file(strict.draft(anonymous).photo(ReportsFixture.plainJpeg())))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations())
                            .extracting(v -> v.code())
                            .containsExactly("report.anonymous-not-allowed");
                    assertThat(e.violations().get(0).french()).startsWith("Connectez-vous");
                });
        assertThat(strict.store.withExpiredTokens(TENANT, strict.clock.instant().plus(Duration.ofDays(30)), 10))
                .isEmpty();
        assertThat(strict.blobs.live).isEmpty();
        assertThat(strict.mails).isEmpty();
    }
}
