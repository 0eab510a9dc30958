package org.opengru.franceconnect.rp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.franceconnect.FranceConnectSchema;
import org.opengru.franceconnect.flow.InMemoryLoginFlowStore;
import org.opengru.franceconnect.flow.PostgresLoginFlowStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/** The configuration code of docs/franceconnect.md, run as written there (DocSnippetsTest checks the page). */
@ExtendWith(EmbeddedPostgresExtension.class)
class FranceConnectDocExamplesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void oneRelyingPartyPerCommune_itsFlowsInPostgres(PostgresDatabase db) {
        DataSource dataSource = db.dataSource();
        FranceConnectSchema.migrate(dataSource);
        String secretFromVault = "integration-secret-from-the-vault";
        RelyingParty rpOfAnotherCommune = RelyingParty.builder(RelyingPartyConfig.builder("commune-75056")
                        .platform(Platform.FRANCECONNECT_INTEGRATION)
                        .clientId("paris-client")
                        .clientAuthentication(ClientAuthentication.clientSecretPost("paris-secret"))
                        .redirectUri(URI.create("https://demarches.paris.fr/fc/callback"))
                        .build())
                .store(new InMemoryLoginFlowStore())
                .clock(clock)
                .build();
        // tag::configuration[]
        RelyingPartyConfig lyon = RelyingPartyConfig.builder("commune-69123")
                .platform(Platform.FRANCECONNECT_INTEGRATION) // issuer https://fcp-low.sbx.dev-franceconnect.fr/api/v2
                .clientId("211286433e39cce01db448d80181bdfd005554b19cd51b3fe7943f6b3b86ab6e")
                .clientAuthentication(ClientAuthentication.clientSecretPost(secretFromVault))
                .redirectUri(URI.create("https://demarches.lyon.fr/fc/callback"))
                .postLogoutRedirectUri(URI.create("https://demarches.lyon.fr/fc/logged-out"))
                .scopes(
                        "openid",
                        "given_name",
                        "family_name",
                        "birthdate",
                        "gender",
                        "birthplace",
                        "birthcountry",
                        "email")
                .build();

        RelyingParty rp = RelyingParty.builder(lyon)
                .store(new PostgresLoginFlowStore(dataSource)) // InMemoryLoginFlowStore for one node
                .clock(clock) // required: every time check uses it
                .build();
        RelyingParties all = RelyingParties.of(List.of(rp, rpOfAnotherCommune));
        // end::configuration[]
        assertThat(lyon.issuer()).hasToString("https://fcp-low.sbx.dev-franceconnect.fr/api/v2");
        assertThat(all.forTenant("commune-69123")).isSameAs(rp);
        assertThat(all.forTenant("commune-75056")).isSameAs(rpOfAnotherCommune);
    }

    @Test
    void productionIsAConfiguration() {
        RelyingPartyConfig integration = RelyingPartyConfig.builder("commune-69123")
                .platform(Platform.FRANCECONNECT_INTEGRATION)
                .clientId("integration-client")
                .clientAuthentication(ClientAuthentication.clientSecretPost("integration-secret"))
                .redirectUri(URI.create("https://demarches.lyon.fr/fc/callback"))
                .build();
        String productionClientId = "production-client";
        String productionSecret = "production-secret";
        // tag::production[]
        RelyingPartyConfig production = integration.toBuilder()
                .platform(Platform.FRANCECONNECT_PRODUCTION) // https://oidc.franceconnect.gouv.fr/api/v2
                .clientId(productionClientId)
                .clientAuthentication(ClientAuthentication.clientSecretPost(productionSecret))
                .build();
        // end::production[]
        assertThat(production.issuer()).hasToString("https://oidc.franceconnect.gouv.fr/api/v2");
        assertThat(production.clientId()).isEqualTo("production-client");
        assertThat(production.redirectUri()).isEqualTo(integration.redirectUri());
    }
}
