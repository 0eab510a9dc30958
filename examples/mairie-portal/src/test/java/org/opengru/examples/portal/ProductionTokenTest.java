package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Item 5 of issue 16: the portal started with a production profile (no demo) has no default back-office
 * token. It refuses to start without one, naming the property, and with the published demonstration token;
 * with its own tokens it accepts each of them (rotation) within its scopes, and audits every use by the
 * token's id, never the token.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionTokenTest {

    /** The demo profile's token: published in the sources, so no other profile may accept it. */
    static final String DEMO_TOKEN = ApiTest.TOKEN;

    static final String ROTATED_OUT = random();
    static final String CURRENT = random();
    static final String READ_ONLY = random();

    @TempDir
    Path data;

    @Test
    void withoutATokenTheProductionPortalDoesNotStartAndNamesTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> start(Map.of())).isNotNull();
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("back-office API has no usable token")
                .contains("portal.api.tokens.<id>.secret");
    }

    @Test
    void theDemonstrationTokenIsRefusedOutsideTheDemo(CapturedOutput output) {
        assertThatThrownBy(() -> start(Map.of(
                        "portal.api.tokens.demo.secret",
                        DEMO_TOKEN,
                        "portal.api.tokens.demo.scopes",
                        "read",
                        "portal.api.tokens.demo.teams",
                        "urbanisme")))
                .isNotNull();
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("portal.api.tokens.demo.secret is the published demonstration token");
    }

    @Test
    void aTokenFromAnUnsetVariableStopsTheStartInsteadOfBecomingTheToken(CapturedOutput output) {
        // 48 characters: long enough to pass as a token if the placeholder were taken literally.
        assertThatThrownBy(() -> start(Map.of(
                        "portal.api.tokens.sig.secret",
                        "${PORTAL_TEST_UNSET_TOKEN_ABCDEFGHIJKLMNOPQRSTUVWX}",
                        "portal.api.tokens.sig.scopes",
                        "read",
                        "portal.api.tokens.sig.teams",
                        "urbanisme")))
                .isNotNull();
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("PORTAL_TEST_UNSET_TOKEN_ABCDEFGHIJKLMNOPQRSTUVWX")
                .contains("not set");
    }

    @Test
    void aTokenNamingAnUnknownTeamStopsTheStartAndNamesTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> start(Map.of(
                        "portal.api.tokens.sig.secret",
                        CURRENT,
                        "portal.api.tokens.sig.scopes",
                        "read",
                        "portal.api.tokens.sig.teams",
                        "cadastre")))
                .isNotNull();
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("portal.api.tokens.sig.teams names an unknown team 'cadastre'")
                .doesNotContain(CURRENT);
    }

    @Test
    void eachConfiguredTokenWorksWithinItsScopesAndEveryUseIsAuditedByItsId(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext portal = start(Map.ofEntries(
                Map.entry("portal.api.tokens.logiciel-metier-2025.teams", "etat-civil"),
                Map.entry("portal.api.tokens.logiciel-metier-2026.teams", "etat-civil"),
                Map.entry("portal.api.tokens.tableau-de-bord.teams", "urbanisme,proprete"),
                Map.entry("portal.api.tokens.logiciel-metier-2025.secret", ROTATED_OUT),
                Map.entry("portal.api.tokens.logiciel-metier-2025.scopes", "read,decide,webhooks"),
                Map.entry("portal.api.tokens.logiciel-metier-2026.secret", CURRENT),
                Map.entry("portal.api.tokens.logiciel-metier-2026.scopes", "read,decide,webhooks"),
                Map.entry("portal.api.tokens.tableau-de-bord.secret", READ_ONLY),
                Map.entry("portal.api.tokens.tableau-de-bord.scopes", "read")))) {
            String base = "http://localhost" + ":" + portal.getEnvironment().getProperty("local.server.port");

            HttpResponse<String> demo = get(base, "/api/v1/demandes", DEMO_TOKEN);
            assertThat(demo.statusCode()).isEqualTo(401);
            assertThat(code(demo)).isEqualTo("authentication-required");

            for (String token : new String[] {ROTATED_OUT, CURRENT, READ_ONLY}) {
                assertThat(get(base, "/api/v1/demandes", token).statusCode()).isEqualTo(200);
            }
            assertThat(get(base, "/api/v1/webhooks", CURRENT).statusCode()).isEqualTo(200);

            HttpResponse<String> webhooks = get(base, "/api/v1/webhooks", READ_ONLY);
            assertThat(webhooks.statusCode()).isEqualTo(403);
            assertThat(code(webhooks)).isEqualTo("scope-missing");
            HttpResponse<String> decide = send(HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/demandes/00000000-0000-0000-0000-000000000000/actions"))
                    .header("Authorization", "Bearer " + READ_ONLY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"ACCEPT\"}")));
            assertThat(decide.statusCode()).isEqualTo(403);
            assertThat(code(decide)).isEqualTo("scope-missing");
        }
        assertThat(output.getAll())
                .contains("API token 'logiciel-metier-2025' used: GET /api/v1/demandes (scope READ)")
                .contains("API token 'logiciel-metier-2026' used: GET /api/v1/webhooks (scope WEBHOOKS)")
                .contains("API token 'tableau-de-bord' refused: POST /api/v1/demandes/")
                .contains("API call refused: unknown bearer token")
                .doesNotContain(ROTATED_OUT)
                .doesNotContain(CURRENT)
                .doesNotContain(READ_ONLY)
                .doesNotContain(DEMO_TOKEN);
    }

    @Test
    void theTokensAndMetricsOfSpringBootMdStartThePortal() throws Exception {
        Properties documented = new Properties();
        for (String file : new String[] {"/docs/api-tokens.properties", "/docs/metrics.properties"}) {
            try (InputStream in = getClass().getResourceAsStream(file)) {
                documented.load(in);
            }
        }
        Map<String, Object> properties = new HashMap<>();
        documented.forEach((k, v) -> properties.put((String) k, v));
        // The environment variables the page names.
        properties.put("LOGICIEL_METIER_TOKEN", CURRENT);
        properties.put("TABLEAU_DE_BORD_TOKEN", READ_ONLY);
        try (ConfigurableApplicationContext portal = start(properties)) {
            String base = "http://localhost" + ":" + portal.getEnvironment().getProperty("local.server.port");
            assertThat(get(base, "/api/v1/webhooks", CURRENT).statusCode()).isEqualTo(200);
            assertThat(get(base, "/api/v1/demandes", READ_ONLY).statusCode()).isEqualTo(200);
            assertThat(get(base, "/api/v1/webhooks", READ_ONLY).statusCode()).isEqualTo(403);
            // The portal alone exposes health and info; the page's line adds the meters.
            assertThat(portal.getBean(PathMappedEndpoints.class).getPath(EndpointId.of("metrics")))
                    .isEqualTo("/actuator/metrics");
        }
    }

    private ConfigurableApplicationContext start(Map<String, Object> configuration) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("portal.database.directory", data.resolve("postgres").toString());
        properties.put("portal.documents.directory", data.resolve("documents").toString());
        properties.put("gru.documents.master-key", Base64.getEncoder().encodeToString(new byte[32]));
        properties.put("gru.jobs.enabled", "false");
        return new SpringApplicationBuilder(MairiePortalApplication.class)
                .profiles("production")
                .properties(properties)
                // The configuration under test outranks the portal's application.properties, as a host's does.
                .initializers(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("configuration-under-test", configuration)))
                // An argument, not a default property: application.properties' server.port=8080 would win,
                // and the test would fail whenever something (a running portal) listens there.
                .run("--server.port=0");
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String code(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = ApiTest.JSON.readTree(response.body());
        return problem.path("code").asString();
    }

    private static HttpResponse<String> get(String base, String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
