package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.opengru.core.webhook.WebhookSecret;
import org.opengru.core.webhook.WebhookSignatures;
import org.opengru.examples.portal.demo.BackOfficeReceiver;
import org.opengru.spring.jobs.GruJobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API: described at /v3/api-docs (for agents), closed without a token, usable by the logiciel métier with
 * its token; a decision taken through it reaches the demo logiciel métier as a signed webhook, and a
 * forged webhook is refused there.
 */
class ApiTest extends RunningPortal {

    static final String TOKEN = "jeton-de-demonstration-du-logiciel-metier";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    BackOfficeReceiver backOffice;

    @Autowired
    GruJobs jobs;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void openApiDescriptionListsTheOperations() throws Exception {
        // For agents only: it tells an attacker what to try.
        HttpBrowser agent = new HttpBrowser(port);
        agent.signInAgent(
                org.opengru.examples.portal.demo.DemoPeople.agent(org.opengru.examples.portal.demo.DemoPeople.JEANNE));
        HttpResponse<String> docs = agent.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(docs.body()).path("paths");
        assertThat(paths.has("/api/v1/demandes")).isTrue();
        assertThat(paths.has("/api/v1/demandes/{id}/actions")).isTrue();
        assertThat(paths.has("/api/v1/rendez-vous")).isTrue();
    }

    @Test
    void refusesCallsWithoutAValidToken() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/demandes"))).statusCode())
                .isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/demandes")).header("Authorization", "Bearer faux"))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theBackOfficeTakesARequestAndReceivesTheSignedWebhook() throws Exception {
        HttpResponse<String> list = send(authorized("/api/v1/demandes"));
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode submitted = null;
        for (JsonNode r : JSON.readTree(list.body())) {
            if (r.path("status").asString().equals("SUBMITTED")) {
                submitted = r;
            }
        }
        assertThat(submitted).as("a seeded request waiting: %s", list.body()).isNotNull();
        String id = submitted.path("id").asString();

        HttpResponse<String> review = send(authorized("/api/v1/demandes/" + id + "/actions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"START_REVIEW\"}")));
        assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
        assertThat(JSON.readTree(review.body()).path("status").asString()).isEqualTo("IN_REVIEW");

        // An illegal move is a 409 naming the state, and changes nothing.
        HttpResponse<String> again = send(authorized("/api/v1/demandes/" + id + "/actions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"START_REVIEW\"}")));
        assertThat(again.statusCode()).isEqualTo(409);

        jobs.runAllOnce(); // the outbox relay, as the scheduler would run it
        assertThat(backOffice.received()).anySatisfy(body -> assertThat(body).contains(id));

        // The receiving side checks signatures: a forged one is refused.
        byte[] forged = "{\"type\":\"RequestStatusChanged\"}".getBytes(StandardCharsets.UTF_8);
        String badSignature = WebhookSignatures.header(
                WebhookSecret.of("pas-le-bon-secret-pas-le-bon-secret-0123"),
                Clock.systemUTC().instant().getEpochSecond(),
                forged);
        HttpResponse<String> refused = send(HttpRequest.newBuilder(backOffice.uri())
                .header(WebhookSignatures.SIGNATURE_HEADER, badSignature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(forged)));
        assertThat(refused.statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenActsForItsOwnTeamsOnly() throws Exception {
        JsonNode all = JSON.readTree(send(authorized("/api/v1/demandes")).body());
        JsonNode other = null;
        for (JsonNode r : all) {
            if (!r.path("team").asString().equals("urbanisme")) {
                other = r;
            }
        }
        assertThat(other).as("a seeded request of another team: %s", all).isNotNull();
        String id = other.path("id").asString();

        HttpResponse<String> list = send(HttpRequest.newBuilder(uri("/api/v1/demandes"))
                .header("Authorization", "Bearer " + RunningPortal.URBANISME_TOKEN));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()))
                .allSatisfy(r -> assertThat(r.path("team").asString()).isEqualTo("urbanisme"));
        HttpResponse<String> one = send(HttpRequest.newBuilder(uri("/api/v1/demandes/" + id))
                .header("Authorization", "Bearer " + RunningPortal.URBANISME_TOKEN));
        assertThat(one.statusCode()).isIn(403, 404);
        assertThat(one.body()).doesNotContain(other.path("reference").asString("?"));
        HttpResponse<String> act = send(HttpRequest.newBuilder(uri("/api/v1/demandes/" + id + "/actions"))
                .header("Authorization", "Bearer " + RunningPortal.URBANISME_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"START_REVIEW\"}")));
        assertThat(act.statusCode()).isIn(403, 404);
        assertThat(JSON.readTree(send(authorized("/api/v1/demandes/" + id)).body())
                        .path("status")
                        .asString())
                .isEqualTo(other.path("status").asString());
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
