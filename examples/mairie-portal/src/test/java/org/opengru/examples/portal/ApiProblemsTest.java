package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.examples.portal.demo.DemoPeople;
import tools.jackson.databind.JsonNode;

/**
 * Item 4 and the bad-input line of issue 16, over real HTTP: every error of the JSON API is a problem
 * detail with a stable code and a French detail, which never holds a principal string or another person's
 * id; malformed ids and unknown actions get 400 or 404, on the API and on the pages, never 500.
 */
class ApiProblemsTest extends RunningPortal {

    static final String CLAIRES_CALL = "{\"procedure\":\"acte-etat-civil\",\"data\":{\"typeActe\":\"mariage\","
            + "\"nomPersonne\":\"Claire Martin\",\"dateEvenement\":\"2010-07-03\"}}";
    static final String MARGAUXS_CALL = "{\"procedure\":\"signalement-depot-sauvage\",\"data\":{}}";

    @Test
    void aForeignIdempotencyKeyOrRequestRevealsNothingOfItsOwner() {
        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        String claireCsrf = HttpBrowser.csrf(claire.get("/mon-espace"));
        String key = UUID.randomUUID().toString();
        HttpResponse<String> filed =
                claire.postJson("/api/v1/demandes", CLAIRES_CALL, "X-CSRF-TOKEN", claireCsrf, "Idempotency-Key", key);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String claires = ApiTest.JSON.readTree(filed.body()).path("id").asString();

        HttpBrowser margaux = new HttpBrowser(PORT);
        margaux.signInResident(EmbeddedDatabasePersistenceTest.MARGAUX_SUB, EmbeddedDatabasePersistenceTest.MARGAUX);
        String margauxCsrf = HttpBrowser.csrf(margaux.get("/mon-espace"));
        HttpResponse<String> foreignKey = margaux.postJson(
                "/api/v1/demandes", MARGAUXS_CALL, "X-CSRF-TOKEN", margauxCsrf, "Idempotency-Key", key);
        // Nothing of Claire's call: not her id, her request, its démarche or its content.
        assertThat(foreignKey.body())
                .doesNotContain(DemoPeople.CLAIRE.toString())
                .doesNotContain(claires)
                .doesNotContain("acte-etat-civil")
                .doesNotContain("mariage");
        // Keys are scoped to the actor: her call is her own, judged on its own content (an empty report is
        // refused as invalid input), never a conflict with Claire's.
        assertThat(foreignKey.statusCode()).isIn(201, 400);
        if (foreignKey.statusCode() == 400) {
            assertProblem(foreignKey, "invalid-input");
        }

        // Claire herself reusing her key for another call: a conflict, said in French, with its code.
        HttpResponse<String> replay =
                claire.postJson("/api/v1/demandes", MARGAUXS_CALL, "X-CSRF-TOKEN", claireCsrf, "Idempotency-Key", key);
        assertThat(replay.statusCode()).isEqualTo(409);
        assertProblem(replay, "idempotency-conflict");

        // Her request's history names the agent who took it by role only.
        assertThat(new HttpBrowser(PORT)
                        .postJson("/api/v1/demandes/" + claires + "/actions", "{\"action\":\"START_REVIEW\"}", bearer())
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> history = claire.get("/api/v1/demandes/" + claires + "/historique");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("\"actor\":\"AGENT\"").doesNotContain("agent:");

        HttpResponse<String> foreignRequest = margaux.get("/api/v1/demandes/" + claires);
        assertThat(foreignRequest.statusCode()).isIn(403, 404);
        assertProblem(foreignRequest, foreignRequest.statusCode() == 403 ? "access-denied" : "not-found");
        assertThat(foreignRequest.body()).doesNotContain(DemoPeople.CLAIRE.toString());
        HttpResponse<String> foreignAction = margaux.postJson(
                "/api/v1/demandes/" + claires + "/actions", "{\"action\":\"WITHDRAW\"}", "X-CSRF-TOKEN", margauxCsrf);
        assertThat(foreignAction.statusCode()).isIn(403, 404);
        assertProblem(foreignAction, foreignAction.statusCode() == 403 ? "access-denied" : "not-found");
    }

    @Test
    void anIllegalMoveIsAConflictWithItsCodeAndNoInternalState() {
        HttpBrowser backOffice = new HttpBrowser(PORT);
        String id = filedByClaire();
        String actions = "/api/v1/demandes/" + id + "/actions";
        assertThat(backOffice
                        .postJson(actions, "{\"action\":\"START_REVIEW\"}", bearer())
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> again = backOffice.postJson(actions, "{\"action\":\"START_REVIEW\"}", bearer());
        assertThat(again.statusCode()).isEqualTo(409);
        assertProblem(again, "illegal-transition");
    }

    @Test
    void malformedIdsUnknownActionsAndUnknownPathsOfTheApiAre400Or404Problems() {
        HttpBrowser backOffice = new HttpBrowser(PORT);
        for (String path : new String[] {"/api/v1/demandes/pas-un-identifiant", "/api/v1/demandes/1/historique"}) {
            HttpResponse<String> malformed = backOffice.getWith(path, bearer());
            assertThat(malformed.statusCode()).as(path).isEqualTo(400);
            assertProblem(malformed, "invalid-input");
        }
        String id = filedByClaire();
        HttpResponse<String> unknownAction =
                backOffice.postJson("/api/v1/demandes/" + id + "/actions", "{\"action\":\"DETRUIRE\"}", bearer());
        assertThat(unknownAction.statusCode()).isEqualTo(400);
        assertProblem(unknownAction, "invalid-input");
        HttpResponse<String> noAction = backOffice.postJson("/api/v1/demandes/" + id + "/actions", "{}", bearer());
        assertThat(noAction.statusCode()).isEqualTo(400);
        HttpResponse<String> notJson =
                backOffice.postJson("/api/v1/demandes/" + id + "/actions", "{\"action\":", bearer());
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertProblem(notJson, "invalid-input");
        HttpResponse<String> badDate =
                backOffice.getWith("/api/v1/creneaux?site=x&service=y&du=hier&au=demain", bearer());
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertProblem(badDate, "invalid-input");
        HttpResponse<String> unknownPath = backOffice.getWith("/api/v1/nulle-part", bearer());
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertProblem(unknownPath, "not-found");

        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        String csrf = HttpBrowser.csrf(claire.get("/mon-espace"));
        HttpResponse<String> badBooking = claire.delete("/api/v1/rendez-vous/pas-un-identifiant", "X-CSRF-TOKEN", csrf);
        assertThat(badBooking.statusCode()).isEqualTo(400);
        assertProblem(badBooking, "invalid-input");
    }

    @Test
    void malformedIdsAndUnknownActionsOfThePagesAre404Or400FrenchPages() {
        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        for (String path : new String[] {
            "/mes-demandes/pas-un-identifiant", "/rendez-vous/pas-un-identifiant", "/mes-documents/pas-un-identifiant"
        }) {
            HttpResponse<String> page = claire.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("<html lang=\"fr\"");
        }

        HttpBrowser marc = new HttpBrowser(PORT);
        marc.signInAgent(DemoPeople.agent(DemoPeople.JEANNE));
        assertThat(marc.get("/agent/demandes/pas-un-identifiant").statusCode()).isEqualTo(404);
        String id = filedByClaire();
        String csrf = HttpBrowser.csrf(marc.get("/agent"));
        HttpResponse<String> unknown =
                marc.postForm("/agent/demandes/" + id + "/action", Map.of("_csrf", csrf, "action", "DETRUIRE"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("<html lang=\"fr\"");
        HttpResponse<String> create =
                marc.postForm("/agent/demandes/" + id + "/action", Map.of("_csrf", csrf, "action", "CREATE"));
        assertThat(create.statusCode()).isEqualTo(400);
        HttpResponse<String> presence = marc.postForm(
                "/agent/rendez-vous/" + UUID.randomUUID(),
                Map.of("_csrf", csrf, "presence", "peut-etre", "jour", "2026-01-01", "site", "x"));
        assertThat(presence.statusCode()).isEqualTo(400);
    }

    /** A request Claire has just filed (the seeded ones are taken by other tests). */
    private static String filedByClaire() {
        HttpBrowser browser = new HttpBrowser(PORT);
        browser.signInResident();
        HttpResponse<String> filed = browser.postJson(
                "/api/v1/demandes", CLAIRES_CALL, "X-CSRF-TOKEN", HttpBrowser.csrf(browser.get("/mon-espace")));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        return ApiTest.JSON.readTree(filed.body()).path("id").asString();
    }

    private static String[] bearer() {
        return new String[] {"Authorization", "Bearer " + ApiTest.TOKEN};
    }

    /** A problem detail with this code and a French detail, and nothing naming a principal. */
    static void assertProblem(HttpResponse<String> response, String code) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = ApiTest.JSON.readTree(response.body());
        assertThat(problem.path("code").asString()).as(response.body()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.path("detail").asString()).as(response.body()).isNotBlank();
        assertThat(response.body())
                .doesNotContain("usager:")
                .doesNotContain("agent:")
                .doesNotContain("system:")
                .doesNotContain("Exception")
                .doesNotContain("requestId");
    }
}
