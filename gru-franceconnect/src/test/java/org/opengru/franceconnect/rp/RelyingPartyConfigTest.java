package org.opengru.franceconnect.rp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengru.franceconnect.InvalidConfigurationException;

class RelyingPartyConfigTest {

    private static RelyingPartyConfig.Builder valid() {
        return RelyingPartyConfig.builder("mairie-lyon")
                .platform(Platform.FRANCECONNECT_INTEGRATION)
                .clientId("client")
                .clientAuthentication(ClientAuthentication.clientSecretPost("s3cr3t-value"))
                .redirectUri(URI.create("https://demarches.lyon.fr/fc/callback"));
    }

    private static void refused(Runnable r, String field, String value) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.value()).isEqualTo(value);
            assertThat(e.getMessage()).contains(field).contains(String.valueOf(value));
        });
    }

    @Test
    void defaults_follow_franceconnect_v2() {
        RelyingPartyConfig c = valid().build();
        assertThat(c.acr()).isEqualTo(AcrLevel.EIDAS1);
        assertThat(c.signingAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(c.httpTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.issuer()).hasToString("https://fcp-low.sbx.dev-franceconnect.fr/api/v2");
        assertThat(c.toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void production_is_a_change_of_platform_not_of_code() {
        RelyingPartyConfig integration = valid().build();
        RelyingPartyConfig production = integration.toBuilder()
                .platform(Platform.FRANCECONNECT_PRODUCTION)
                .clientId("production-client")
                .build();
        assertThat(production.issuer()).hasToString("https://oidc.franceconnect.gouv.fr/api/v2");
        assertThat(production.redirectUri()).isEqualTo(integration.redirectUri());
    }

    @Test
    void bad_values_are_refused_with_field_and_value() {
        refused(() -> RelyingPartyConfig.builder("Mairie Lyon"), "tenantId", "Mairie Lyon");
        refused(
                () -> valid().redirectUri(URI.create("http://demarches.lyon.fr/cb")),
                "redirectUri",
                "http://demarches.lyon.fr/cb");
        refused(() -> valid().scopes("given_name").build(), "scopes", "[given_name]");
        refused(() -> valid().acr(AcrLevel.EIDAS2).build(), "acr", "eidas2");
        refused(() -> valid().signingAlgorithm(JWSAlgorithm.HS256).build(), "signingAlgorithm", "HS256");
        refused(() -> valid().prompt("none"), "prompt", "none");
        refused(() -> valid().clockSkew(Duration.ofMinutes(10)), "clockSkew", "PT10M");
        refused(() -> valid().claims("not json"), "claims", "not json");
        refused(() -> ClientAuthentication.clientSecretPost(" "), "clientSecret", null);
    }

    @Test
    void http_is_accepted_on_loopback_only() {
        assertThat(valid().redirectUri(URI.create("http://127.0.0.1:8080/cb"))
                        .build()
                        .redirectUri()
                        .getPort())
                .isEqualTo(8080);
    }

    @Test
    void each_tenant_has_its_own_relying_party() {
        var clock = java.time.Clock.systemUTC();
        RelyingParty lyon = RelyingParty.builder(valid().build())
                .store(new org.opengru.franceconnect.flow.InMemoryLoginFlowStore())
                .clock(clock)
                .build();
        RelyingParty paris = RelyingParty.builder(RelyingPartyConfig.builder("mairie-paris")
                        .platform(Platform.FRANCECONNECT_PRODUCTION)
                        .clientId("paris")
                        .clientAuthentication(ClientAuthentication.clientSecretPost("p"))
                        .redirectUri(URI.create("https://demarches.paris.fr/fc/callback"))
                        .build())
                .store(new org.opengru.franceconnect.flow.InMemoryLoginFlowStore())
                .clock(clock)
                .build();
        RelyingParties all = RelyingParties.of(java.util.List.of(lyon, paris));
        assertThat(all.forTenant("mairie-paris").config().clientId()).isEqualTo("paris");
        assertThatThrownBy(() -> all.forTenant("mairie-nantes")).isInstanceOf(UnknownTenantException.class);
        assertThatThrownBy(() -> RelyingParties.of(java.util.List.of(lyon, lyon)))
                .isInstanceOfSatisfying(
                        InvalidConfigurationException.class,
                        e -> assertThat(e.field()).isEqualTo("tenantId"));
    }

    @Test
    void plain_json_userinfo_is_refused_on_the_public_franceconnect_platforms() {
        // FranceConnect v2 returns userinfo as application/jwt (signed): an unsigned answer is never trusted there.
        for (Platform platform : List.of(Platform.FRANCECONNECT_PRODUCTION, Platform.FRANCECONNECT_INTEGRATION)) {
            refused(
                    () -> valid().platform(platform)
                            .userInfoFormat(UserInfoFormat.PLAIN_JSON)
                            .build(),
                    "userInfoFormat",
                    "PLAIN_JSON");
            // The same issuer typed as a custom provider is the same platform.
            refused(
                    () -> valid().provider(ProviderKind.FRANCECONNECT, java.net.URI.create(platform.issuer() + "/"))
                            .userInfoFormat(UserInfoFormat.PLAIN_JSON)
                            .build(),
                    "userInfoFormat",
                    "PLAIN_JSON");
        }
        // Control: a local test provider may still answer plain JSON.
        valid().provider(ProviderKind.FRANCECONNECT, java.net.URI.create("http://127.0.0.1:8080/default"))
                .userInfoFormat(UserInfoFormat.PLAIN_JSON)
                .build();
    }
}
