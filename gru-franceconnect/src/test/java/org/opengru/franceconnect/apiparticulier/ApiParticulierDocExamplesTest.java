package org.opengru.franceconnect.apiparticulier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.Siret;
import org.opengru.franceconnect.FranceConnectSchema;
import org.opengru.franceconnect.apiparticulier.ratelimit.PostgresRateLimiter;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/** The configuration code of docs/api-particulier.md, run as written there (DocSnippetsTest checks the page). */
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
}
