package org.opengru.spring.franceconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengru.core.tenancy.TenantId;
import org.opengru.franceconnect.flow.InMemoryLoginFlowStore;
import org.opengru.franceconnect.flow.LoginFlowStore;
import org.opengru.franceconnect.rp.ClientAuthentication;
import org.opengru.franceconnect.rp.ProviderKind;
import org.opengru.franceconnect.rp.RelyingParties;
import org.opengru.franceconnect.rp.RelyingParty;
import org.opengru.spring.TestTenant;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GruFranceConnectAutoConfigurationTest {

    private static final String FC = "gru.tenants.saint-martin.franceconnect.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruFranceConnectAutoConfiguration.class))
            .withBean(Clock.class, () -> TestTenant.CLOCK)
            .withPropertyValues(TestTenant.PROPERTIES)
            .withPropertyValues(
                    "gru.defaults.franceconnect.platform=integration",
                    FC + "client-id=211286433e39cce01db448d80181bdfd005554b19cd51b3fe7943f6b3b86ab6e",
                    FC + "client-secret=s3cr3t-from-the-partner-space",
                    FC + "redirect-uri=https://demarches.saint-martin.fr/login/franceconnect/callback");

    @Test
    void eachTenantWithAClientGetsARelyingPartyOnThePlatformItNames() {
        runner.withPropertyValues(
                        "gru.tenants.saint-martin.proconnect.issuer=https://proconnect.example/api/v2",
                        "gru.tenants.saint-martin.proconnect.client-id=pc-client",
                        "gru.tenants.saint-martin.proconnect.client-secret=pc-secret",
                        "gru.tenants.saint-martin.proconnect.redirect-uri=https://demarches.saint-martin.fr/login/proconnect/callback",
                        "gru.tenants.saint-martin.proconnect.teams[agent@saint-martin.fr]=enfance,etat-civil",
                        "gru.tenants.saint-martin.api-particulier.token=token-from-datapass",
                        "gru.tenants.saint-martin.api-particulier.recipient=21750001600019",
                        "gru.tenants.saint-martin.api-particulier.habilitations.inscription-cantine=quotient_familial")
                .run(context -> {
                    RelyingParty rp = context.getBean(RelyingParties.class).forTenant("saint-martin");
                    assertThat(rp.config().kind()).isEqualTo(ProviderKind.FRANCECONNECT);
                    assertThat(rp.config().issuer().toString()).contains("sbx.dev-franceconnect.fr");
                    assertThat(rp.config().scopes()).contains("openid", "given_name", "birthdate", "idp_id");
                    assertThat(rp.config().clientAuthentication().method()).isEqualTo("client_secret_post");

                    AgentRelyingParties agents = context.getBean(AgentRelyingParties.class);
                    var agentLogin = agents.forTenant("saint-martin").orElseThrow();
                    assertThat(agentLogin.relyingParty().config().issuer().toString())
                            .isEqualTo("https://proconnect.example/api/v2");
                    assertThat(agentLogin.teamsOf("agent@saint-martin.fr")).containsExactly("enfance", "etat-civil");
                    assertThat(agentLogin.teamsOf("stranger@example.org")).isEmpty();

                    assertThat(context.getBean(ApiParticulierClients.class).forTenant(TestTenant.TENANT))
                            .hasValueSatisfying(client -> assertThat(
                                            client.config().recipient().value())
                                    .isEqualTo("21750001600019"));
                    assertThat(context.getBean(ApiParticulierClients.class).forTenant(TenantId.of("elsewhere")))
                            .isEmpty();
                });
    }

    @Test
    void theSecondLevelAcrSelectsFranceConnectPlusWithItsDecryptionKeys(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("fcplus-keys.json");
        Files.writeString(
                keys,
                new JWKSet(new ECKeyGenerator(Curve.P_256)
                                .keyUse(KeyUse.ENCRYPTION)
                                .algorithm(JWEAlgorithm.ECDH_ES)
                                .keyID("enc-1")
                                .generate())
                        .toString(false));
        runner.withPropertyValues(FC + "acr=eidas2", FC + "decryption-keys=" + keys.toUri())
                .run(context -> assertThat(context.getBean(RelyingParties.class)
                                .forTenant("saint-martin")
                                .config()
                                .kind())
                        .isEqualTo(ProviderKind.FRANCECONNECT_PLUS));
    }

    @Test
    void privateKeyJwtSignsTheClientAssertionsWithTheConfiguredKey(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("fc-client-keys.json");
        ECKey signing = new ECKeyGenerator(Curve.P_256)
                .keyUse(KeyUse.SIGNATURE)
                .keyID("client-1")
                .generate();
        Files.writeString(keys, new JWKSet(signing).toString(false));
        runner.withPropertyValues(
                        FC + "client-secret=",
                        FC + "client-authentication=private_key_jwt",
                        FC + "client-assertion-keys=" + keys.toUri())
                .run(context -> {
                    RelyingParty rp = context.getBean(RelyingParties.class).forTenant("saint-martin");
                    assertThat(rp.config().clientAuthentication())
                            .isInstanceOfSatisfying(ClientAuthentication.PrivateKeyJwt.class, jwt -> {
                                assertThat(jwt.signingKey().getKeyID()).isEqualTo("client-1");
                                assertThat(jwt.algorithm()).isEqualTo(JWSAlgorithm.ES256);
                            });
                });
        // Without its key the choice stops the start and names the property.
        runner.withPropertyValues(FC + "client-authentication=private_key_jwt").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("gru.tenants.saint-martin.franceconnect.client-assertion-keys");
        });
        // A public key only cannot sign.
        Files.writeString(keys, new JWKSet(signing.toPublicJWK()).toString(false));
        runner.withPropertyValues(
                        FC + "client-authentication=private_key_jwt", FC + "client-assertion-keys=" + keys.toUri())
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("0 private signing keys");
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnLoginFlowStore() {
        LoginFlowStore own = new InMemoryLoginFlowStore();
        runner.withBean(LoginFlowStore.class, () -> own)
                .run(context ->
                        assertThat(context.getBean(LoginFlowStore.class)).isSameAs(own));
        RelyingParties none = RelyingParties.of(java.util.List.of());
        runner.withBean(RelyingParties.class, () -> none)
                .run(context ->
                        assertThat(context.getBean(RelyingParties.class)).isSameAs(none));
    }

    @Test
    void absentWhenGruFranceConnectIsNotOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(RelyingParty.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(LoginFlowStore.class)
                        .doesNotHaveBean(AgentRelyingParties.class));
    }

    @Test
    void enabledWithoutAClientIdFailsWithTheAction() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        GruStorageAutoConfiguration.class,
                        GruCoreAutoConfiguration.class,
                        GruFranceConnectAutoConfiguration.class))
                .withPropertyValues("gru.defaults.franceconnect.enabled=true", "gru.tenants.val-de-loire.name=Val")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis =
                            new SignInFailureAnalyzers.MissingClientId().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription())
                            .contains("val-de-loire")
                            .contains("gru.tenants.val-de-loire.franceconnect.client-id");
                    assertThat(analysis.getAction()).contains("partner space").contains("enabled=false");
                });
    }

    @Test
    void anUnreachableProviderCheckedAtStartupFailsWithTheAction() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        runner.withPropertyValues(
                        FC + "issuer=http://127.0.0.1:" + closedPort + "/api/v2", FC + "check-at-startup=true")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis =
                            new SignInFailureAnalyzers.ProviderUnreachable().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription())
                            .contains("saint-martin")
                            .contains("127.0.0.1:" + closedPort);
                    assertThat(analysis.getAction()).contains("check-at-startup=false");
                });
        // Without the check, the same provider is discovered at the first sign-in: startup succeeds.
        runner.withPropertyValues(FC + "issuer=http://127.0.0.1:" + closedPort + "/api/v2")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theAgentProviderIsAskedToPromptForTheAgentWhenConfigured() {
        String pc = "gru.tenants.saint-martin.proconnect.";
        String[] agents = {
            pc + "issuer=https://proconnect.example/api/v2",
            pc + "client-id=pc-client",
            pc + "client-secret=pc-secret",
            pc + "redirect-uri=https://demarches.saint-martin.fr/login/proconnect/callback"
        };
        runner.withPropertyValues(agents)
                .withPropertyValues(pc + "prompt=login")
                .run(context -> {
                    var rp = context.getBean(AgentRelyingParties.class)
                            .forTenant("saint-martin")
                            .orElseThrow()
                            .relyingParty();
                    assertThat(rp.config().prompt()).containsExactly("login");
                    // Residents are not prompted: FranceConnect's own session is kept.
                    assertThat(context.getBean(RelyingParties.class)
                                    .forTenant("saint-martin")
                                    .config()
                                    .prompt())
                            .isEmpty();
                });
        runner.withPropertyValues(agents)
                .withPropertyValues(pc + "prompt=select_account")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("proconnect.prompt")
                        .hasMessageContaining("select_account"));
    }

    @Test
    void anInvalidAcrIsRefusedNamingTheProperty() {
        runner.withPropertyValues(FC + "acr=eidas7")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("franceconnect.acr")
                        .hasMessageContaining("eidas7"));
    }
}
