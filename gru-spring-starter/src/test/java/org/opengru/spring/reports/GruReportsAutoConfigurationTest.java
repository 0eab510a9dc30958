package org.opengru.spring.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.job.Job;
import org.opengru.documents.storage.BlobStore;
import org.opengru.reports.Filing;
import org.opengru.reports.GeoPoint;
import org.opengru.reports.ReportDraft;
import org.opengru.reports.ReportService;
import org.opengru.reports.ReportStatus;
import org.opengru.reports.ReportStore;
import org.opengru.reports.Reporter;
import org.opengru.spring.TestTenant;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.mail.GruMailAutoConfiguration;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GruReportsAutoConfigurationTest {

    /** A square commune split in two zones, west and east of longitude 1.90. */
    static final String[] REPORTS = {
        "gru.tenants.saint-martin.reports.outline=47.80 1.80, 47.80 2.00, 48.00 2.00, 48.00 1.80",
        "gru.tenants.saint-martin.reports.default-team=accueil",
        "gru.tenants.saint-martin.reports.categories.depot-sauvage=Dépôt sauvage",
        "gru.tenants.saint-martin.reports.categories.eclairage=Éclairage public",
        "gru.tenants.saint-martin.reports.zones.ouest.name=Quartier ouest",
        "gru.tenants.saint-martin.reports.zones.ouest.outline=47.80 1.80, 47.80 1.90, 48.00 1.90, 48.00 1.80",
        "gru.tenants.saint-martin.reports.zones.est.name=Quartier est",
        "gru.tenants.saint-martin.reports.zones.est.outline=47.80 1.90, 47.80 2.00, 48.00 2.00, 48.00 1.90",
        "gru.tenants.saint-martin.reports.routing[0].category=depot-sauvage",
        "gru.tenants.saint-martin.reports.routing[0].team=proprete",
        "gru.tenants.saint-martin.reports.routing[1].category=depot-sauvage",
        "gru.tenants.saint-martin.reports.routing[1].zone=est",
        "gru.tenants.saint-martin.reports.routing[1].team=proprete-est",
        "gru.tenants.saint-martin.reports.map.tile-url=http://127.0.0.1:9/tuiles/{z}/{x}/{y}.png",
        "gru.tenants.saint-martin.reports.map.attribution=© Tuiles de test",
    };

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruMailAutoConfiguration.class,
                    GruReportsAutoConfiguration.class))
            .withBean(Clock.class, () -> TestTenant.CLOCK)
            .withBean(BlobStore.class, BlobStore::inMemory)
            .withPropertyValues(TestTenant.PROPERTIES)
            .withPropertyValues(REPORTS);

    @Test
    void theTenantsPropertiesBecomeItsSettingsRoutingByCategoryAndZoneInMemory() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ReportStore.class).getClass().getSimpleName())
                    .isEqualTo("InMemoryReportStore");
            ReportService service = context.getBean(ReportService.class);
            Filing east = service.file(ReportDraft.by(
                            TestTenant.TENANT,
                            Reporter.resident(UsagerId.of(java.util.UUID.nameUUIDFromBytes(
                                    "claire".getBytes(java.nio.charset.StandardCharsets.UTF_8)))),
                            "127.0.0.1")
                    .category("depot-sauvage")
                    .at(new GeoPoint(47.9, 1.95))
                    .description("Des sacs au pied de l'arbre"));
            assertThat(east.report().status()).isEqualTo(ReportStatus.RECEIVED);
            assertThat(east.report().zone()).isEqualTo("est");
            assertThat(east.report().team()).isEqualTo(TeamId.of("proprete-est"));
            Filing light = service.file(ReportDraft.by(
                            TestTenant.TENANT,
                            Reporter.resident(UsagerId.of(java.util.UUID.nameUUIDFromBytes(
                                    "claire".getBytes(java.nio.charset.StandardCharsets.UTF_8)))),
                            "127.0.0.1")
                    .category("eclairage")
                    .at(new GeoPoint(47.9, 1.85))
                    .description("Le lampadaire clignote"));
            assertThat(light.report().team()).isEqualTo(TeamId.of("accueil"));

            GruReports reports = context.getBean(GruReports.class);
            GruReports.MapView map = reports.map(TestTenant.TENANT).orElseThrow();
            assertThat(map.tileUrl()).isEqualTo("http://127.0.0.1:9/tuiles/{z}/{x}/{y}.png");
            assertThat(map.attribution()).isEqualTo("© Tuiles de test");
            assertThat(map.centre().lat()).isEqualTo(47.9, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(context.getBeansOfType(GruJobContribution.class).values().stream()
                            .flatMap(c -> c.jobs().stream())
                            .map(Job::name))
                    .contains("purge-reports");
        });
    }

    @Test
    void aBadPositionOrAnUnknownZoneInARouteFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("gru.tenants.saint-martin.reports.outline=47.80 1.80, 47.80 2.00, 95.00 2.00")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("gru.tenants.saint-martin.reports.outline[2]"));
        runner.withPropertyValues("gru.tenants.saint-martin.reports.routing[1].zone=nord")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("gru.tenants.saint-martin.reports.routing[1]")
                        .hasStackTraceContaining("nord"));
        runner.withPropertyValues("gru.tenants.saint-martin.reports.outline=47.80 1.80, nord")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("reports.outline"));
    }

    @Test
    void aTileUrlWithoutItsPlaceholdersIsRefusedAtStart() {
        runner.withPropertyValues("gru.tenants.saint-martin.reports.map.tile-url=https://tuiles.example/carte.png")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("reports.map.tileUrl"));
    }

    @Test
    void reportsWithoutAnAccountNeedTheTenantsRelayForTheVerificationEmail() {
        runner.withPropertyValues("gru.tenants.saint-martin.reports.anonymous-allowed=true")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gru.tenants.saint-martin.reports.anonymous-allowed needs")
                        .hasMessageContaining("mail.smtp"));
    }
}
