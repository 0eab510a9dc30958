package org.opengru.franceconnect.apiparticulier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.Siret;
import org.opengru.franceconnect.FranceConnectSchema;
import org.opengru.franceconnect.HostileProvider;
import org.opengru.franceconnect.apiparticulier.ratelimit.PostgresRateLimiter;
import org.opengru.franceconnect.flow.InMemoryLoginFlowStore;
import org.opengru.franceconnect.rp.FranceConnectLogin;
import org.opengru.franceconnect.rp.MockOAuth2ServerFlowTest;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/** The code of docs/api-particulier.md, run as written there (DocSnippetsTest checks the page). */
@ExtendWith(EmbeddedPostgresExtension.class)
class ApiParticulierDocExamplesTest {

    @Test
    void oneClientPerCollectivite_itsRateLimitSharedInPostgres(PostgresDatabase db) {
        DataSource dataSource = db.dataSource();
        FranceConnectSchema.migrate(dataSource);
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        AuditTrail auditTrail = AuditTrail.inMemory();
        String tokenFromVault = "3f1c0c2a9b7e4d5f6a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f";
        // tag::configuration[]
        Habilitations habilitations = Habilitations.builder()
                .allow("inscription-cantine", ApiParticulierScope.QUOTIENT_FAMILIAL, ApiParticulierScope.SCOLARITE)
                .allow(
                        "bourse-etudiant",
                        ApiParticulierScope.STATUT_ETUDIANT,
                        ApiParticulierScope.STATUT_ETUDIANT_BOURSIER)
                .allow("aide-demandeur-emploi", ApiParticulierScope.STATUT_DEMANDEUR_EMPLOI)
                .build();

        ApiParticulierConfig config = ApiParticulierConfig.builder(TenantId.of("commune-69123"))
                .environment(ApiParticulierConfig.Environment.STAGING) // PRODUCTION: https://particulier.api.gouv.fr
                .token(tokenFromVault) // never printed by toString
                .recipient(Siret.parse("21690123100011")) // the administration receiving the data
                .habilitations(habilitations)
                .build();

        ApiParticulierClient client = ApiParticulierClient.create(config, auditTrail, clock);
        // several nodes: share the rate limit through PostgreSQL (schema V4__franceconnect_api_particulier_rate.sql)
        ApiParticulierClient shared = ApiParticulierClient.create(
                config,
                auditTrail,
                clock,
                new PostgresRateLimiter(dataSource, ApiParticulierClient.DEFAULT_REQUESTS_PER_SECOND));
        // end::configuration[]
        assertThat(config.toString()).doesNotContain(tokenFromVault);
        assertThat(client).isNotNull();
        assertThat(shared).isNotNull();
    }

    @Test
    void aCallWithTheIdentityCertifiedByFranceConnect() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        AuditTrail auditTrail = AuditTrail.inMemory();
        MockOAuth2Server provider = MockOAuth2ServerFlowTest.startProvider(HostileProvider.newKey("mock-fc-doc"));
        try (OpenApiServer apiParticulier = new OpenApiServer()) {
            // The resident signed in with FranceConnect: a real authorization-code flow on loopback.
            InMemoryLoginFlowStore flows = new InMemoryLoginFlowStore();
            FranceConnectLogin login = MockOAuth2ServerFlowTest.runFlow(provider, flows, flows);
            ApiParticulierConfig config = ApiParticulierConfig.builder(TenantId.of("commune-69123"))
                    .baseUri(apiParticulier.baseUri())
                    .token("3f1c0c2a9b7e4d5f6a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f")
                    .recipient(Siret.parse("21690123100011"))
                    .habilitations(Habilitations.builder()
                            .allow("inscription-cantine", ApiParticulierScope.QUOTIENT_FAMILIAL)
                            .build())
                    .build();
            ApiParticulierClient client = ApiParticulierClient.create(config, auditTrail, clock);
            RequestId requestId = RequestId.of(UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057"));
            // tag::calls[]
            CallContext context = new CallContext(ActorRef.parse("agent:jdupont"), "inscription-cantine", requestId);
            PersonIdentity person = PersonIdentity.fromPivot(login.identity().pivot(), null); // or typed by an agent

            QuotientFamilial qf = client.quotientFamilial(context, person, YearMonth.of(2026, 1));
            // end::calls[]
            assertThat(qf.value()).isEqualTo(1045);
            OpenApiServer.Received sent = apiParticulier.received.peek();
            assertThat(sent.path()).isEqualTo("/v3/dss/quotient_familial/identite");
            // The certified identity, as API Particulier expects it.
            assertThat(sent.query())
                    .containsEntry("nomNaissance", List.of("DUBOIS"))
                    .containsEntry("prenoms[]", List.of("Angela", "Claire", "Louise"))
                    .containsEntry("sexeEtatCivil", List.of("F"))
                    .containsEntry("codeCogInseeCommuneNaissance", List.of("75107"))
                    .containsEntry("annee", List.of("2026"))
                    .containsEntry("mois", List.of("1"));
            assertThat(auditTrail.entries(TenantId.of("commune-69123"), requestId))
                    .extracting(e -> e.record().details().get("outcome"))
                    .containsExactly("ok");
            assertThat(apiParticulier.violations).isEmpty();
        } finally {
            provider.shutdown();
        }
    }
}
