package org.opengru.spring.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.ProcedureStore;
import org.opengru.core.id.TeamId;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestService;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.TeamDirectory;
import org.opengru.core.timeline.TimelineStore;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.webhook.WebhookSecret;
import org.opengru.core.webhook.WebhookSignatures;
import org.opengru.core.webhook.WebhookVerifier;
import org.opengru.spring.TestTenant;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GruCoreAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GruStorageAutoConfiguration.class, GruCoreAutoConfiguration.class))
            .withPropertyValues(TestTenant.PROPERTIES);

    @Test
    void inMemoryTheRetentionPeriodsAreNotAppliedAndNoJobPretendsTo() {
        runner.withPropertyValues(
                        "gru.tenants.saint-martin.retention.inscription-cantine.active=1y",
                        "gru.tenants.saint-martin.retention.inscription-cantine.archive=2y",
                        "gru.tenants.saint-martin.retention.inscription-cantine.end-of-life=anonymise")
                .run(context -> assertThat(
                                context.getBean("gruRetentionJobs", org.opengru.spring.jobs.GruJobContribution.class)
                                        .jobs())
                        .isEmpty());
    }

    /** Without any online payment service the lapse of unpaid requests still runs: payment may be at the counter. */
    @Test
    void theLapseOfUnpaidRequestsRunsForEveryTenantWithoutAPaymentModule() {
        runner.run(context -> assertThat(
                        context.getBean("gruPaymentDeadlineJobs", org.opengru.spring.jobs.GruJobContribution.class)
                                .jobs())
                .extracting(org.opengru.core.job.Job::name)
                .containsExactly("lapse-unpaid-requests"));
    }

    @Test
    void definesTheTenantsDemarchesAndTeamsAndDrivesARequestToItsDecision() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(GruCore.class).hasSingleBean(RequestService.class);
            assertThat(context).hasSingleBean(OutboxRelay.class).hasSingleBean(Clock.class);
            assertThat(context.getBean(ProcedureStore.class)
                            .latest(TestTenant.TENANT, ProcedureCode.of("inscription-cantine")))
                    .isPresent();
            // The démarche routes to "enfance", which the properties do not list: it gets the contact block.
            assertThat(context.getBean(TeamDirectory.class).find(TestTenant.TENANT, TeamId.of("enfance")))
                    .hasValueSatisfying(team -> {
                        assertThat(team.name()).isEqualTo("Accueil de la mairie");
                        assertThat(team.address().city()).isEqualTo("Saint-Martin");
                    });

            Request decided = TestTenant.submitToDecision(
                    context.getBean(RequestService.class), context.getBean(UsagerStore.class));
            assertThat(decided.status()).isEqualTo(RequestStatus.ACCEPTED);
            assertThat(decided.acknowledgment()).isNotNull();
            assertThat(decided.acknowledgment().text()).contains("Mairie de Saint-Martin");
        });
    }

    /**
     * Without PostgreSQL, the in-memory stores still write the audit chain, the timeline and the outbox
     * with each request change, and the relay delivers signed webhooks (until a restart).
     */
    @Test
    void inMemoryTheRequestsAreAuditedOnTheTimelineAndDeliveredAsSignedWebhooks() throws Exception {
        String secret = "0123456789abcdef0123456789abcdef";
        WebhookVerifier verifier =
                WebhookVerifier.of(Clock.systemUTC(), Duration.ofMinutes(5), WebhookSecret.of(secret));
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer erp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        erp.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            verifier.verify(ex.getRequestHeaders().getFirst(WebhookSignatures.SIGNATURE_HEADER), body);
            received.add(ex.getRequestHeaders().getFirst(WebhookSignatures.EVENT_TYPE_HEADER));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        erp.start();
        try {
            runner.withPropertyValues(
                            "gru.webhooks.logiciel-metier.url=http://127.0.0.1:"
                                    + erp.getAddress().getPort() + "/hook",
                            "gru.webhooks.logiciel-metier.secret=" + secret)
                    .run(context -> {
                        Request decided = TestTenant.submitToDecision(
                                context.getBean(RequestService.class), context.getBean(UsagerStore.class));
                        assertThat(context.getBean(AuditTrail.class)
                                        .verify(TestTenant.TENANT, decided.id())
                                        .valid())
                                .isTrue();
                        assertThat(context.getBean(AuditTrail.class).entries(TestTenant.TENANT, decided.id()))
                                .isNotEmpty();
                        assertThat(context.getBean(TimelineStore.class).all(TestTenant.TENANT, decided.applicant()))
                                .isNotEmpty();
                        context.getBean(OutboxRelay.class).drain();
                        // Every change of the request, in order, each signature verified by the receiver.
                        assertThat(received).startsWith("RequestCreated").hasSizeGreaterThanOrEqualTo(3);
                    });
        } finally {
            erp.stop(0);
        }
    }

    @Test
    void aTeamListedInThePropertiesInheritsWhatItLeavesUnsetFromTheContact() {
        runner.withPropertyValues(
                        "gru.tenants.saint-martin.teams.enfance.service=Service enfance",
                        "gru.tenants.saint-martin.teams.enfance.email=enfance@saint-martin.fr")
                .run(context -> assertThat(
                                context.getBean(TeamDirectory.class).find(TestTenant.TENANT, TeamId.of("enfance")))
                        .hasValueSatisfying(team -> {
                            assertThat(team.name()).isEqualTo("Service enfance");
                            assertThat(team.email().value()).isEqualTo("enfance@saint-martin.fr");
                            assertThat(team.phone()).isNotNull();
                        }));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnBeans() {
        RequestStore own = RequestStore.inMemory();
        Clock clock = TestTenant.CLOCK;
        runner.withBean(RequestStore.class, () -> own)
                .withBean(Clock.class, () -> clock)
                .run(context -> {
                    assertThat(context.getBean(RequestStore.class)).isSameAs(own);
                    assertThat(context.getBean(GruCore.class).requestStore()).isSameAs(own);
                    assertThat(context.getBean(GruCore.class).clock()).isSameAs(clock);
                });
    }

    @Test
    void absentWhenGruCoreIsNotOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(GruCore.class))
                .run(context -> assertThat(context).doesNotHaveBean(RequestService.class));
    }

    @Test
    void aTeamWithoutContactDetailsStopsStartupNamingTheProperty() {
        new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(GruStorageAutoConfiguration.class, GruCoreAutoConfiguration.class))
                .withPropertyValues(
                        "gru.tenants.saint-martin.name=Mairie",
                        "gru.tenants.saint-martin.procedures=classpath:gru/procedures/*.yaml")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    assertThat(failure).rootCause().hasMessageContaining("gru.tenants.saint-martin.contact.service");
                    FailureAnalysis analysis = new TenantSetupFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getAction()).contains("postal-address").contains("phone");
                });
    }

    @Test
    void procedurePatternsThatMatchNothingAreRefused() {
        runner.withPropertyValues("gru.tenants.saint-martin.procedures=classpath:nowhere/*.yaml")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gru.tenants.saint-martin.procedures")
                        .hasMessageContaining("classpath:nowhere/*.yaml"));
    }

    @Test
    void anInvalidPropertyStopsStartupNamingIt() {
        runner.withPropertyValues(
                        "gru.webhooks.logiciel-metier.url=https://erp.example/hook",
                        "gru.webhooks.logiciel-metier.secret=short")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("webhooks[logiciel-metier].secret"));
    }

    /** Issue 19: a relay lease shorter than a webhook call could take is refused at start, naming both. */
    @Test
    void anOutboxRelayLeaseShorterThanAWebhookCallIsRefusedNamingTheProperty() {
        runner.withPropertyValues(
                        "gru.webhooks.logiciel-metier.url=https://erp.example/hook",
                        "gru.webhooks.logiciel-metier.secret=0123456789abcdef0123456789abcdef",
                        "gru.webhooks.logiciel-metier.timeout=20s",
                        "gru.jobs.outbox-relay-lease=15s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gru.jobs.outbox-relay-lease")
                        .hasMessageContaining("PT15S")
                        .hasMessageContaining("gru.webhooks.logiciel-metier.timeout"));
        runner.withPropertyValues(
                        "gru.webhooks.logiciel-metier.url=https://erp.example/hook",
                        "gru.webhooks.logiciel-metier.secret=0123456789abcdef0123456789abcdef",
                        "gru.webhooks.logiciel-metier.timeout=20s",
                        "gru.jobs.outbox-relay-lease=30s")
                .run(context -> assertThat(context.getBean(org.opengru.core.outbox.OutboxRelay.class)
                                .lease())
                        .isEqualTo(java.time.Duration.ofSeconds(30)));
    }
}
