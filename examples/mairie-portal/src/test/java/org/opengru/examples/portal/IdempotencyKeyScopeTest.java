package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.examples.portal.commune.Commune;
import tools.jackson.databind.JsonNode;

/**
 * An Idempotency-Key is its sender's, over HTTP: the same key sent by another resident neither replays
 * the first resident's booking nor is refused because of it, and a key reused for another call is refused
 * with a message that names nothing of the first call (no person, service or time).
 */
class IdempotencyKeyScopeTest extends RunningPortal {

    @Test
    void anotherResidentsSameKeyNeitherReplaysNorBlocksAndAConflictRevealsNothing() {
        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        String claireCsrf = HttpBrowser.csrf(claire.get("/mon-espace"));
        HttpBrowser margaux = new HttpBrowser(PORT);
        margaux.signInResident(EmbeddedDatabasePersistenceTest.MARGAUX_SUB, EmbeddedDatabasePersistenceTest.MARGAUX);
        String margauxCsrf = HttpBrowser.csrf(margaux.get("/mon-espace"));
        LocalDate from = LocalDate.now(Commune.ZONE).plusDays(40);
        JsonNode slots = ApiTest.JSON.readTree(claire.get("/api/v1/creneaux?site=" + Commune.ANNEXE_NORD.value()
                        + "&service=" + Commune.SERVICE_URBANISME.value() + "&du=" + from + "&au=" + from.plusDays(14))
                .body());
        String first = slots.get(0).path("start").asString();
        String second = slots.get(1).path("start").asString();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> hers = book(claire, claireCsrf, key, first);
        assertThat(hers.statusCode()).isEqualTo(201);
        String herId = ApiTest.JSON.readTree(hers.body()).path("id").asString();
        HttpResponse<String> his = book(margaux, margauxCsrf, key, second);
        try {
            assertThat(his.statusCode()).as(his.body()).isEqualTo(201);
            assertThat(ApiTest.JSON.readTree(his.body()).path("id").asString()).isNotEqualTo(herId);

            HttpResponse<String> reused =
                    book(claire, claireCsrf, key, slots.get(2).path("start").asString());
            // A problem detail with its stable code and French text, nothing of the first call.
            assertThat(reused.statusCode()).isEqualTo(409);
            assertThat(reused.body())
                    .contains("\"code\":\"idempotency-conflict\"")
                    .doesNotContain(first)
                    .doesNotContain(herId)
                    .doesNotContain(Commune.SERVICE_URBANISME.value() + " ")
                    .doesNotContain("usager:");
        } finally {
            claire.delete("/api/v1/rendez-vous/" + herId, "X-CSRF-TOKEN", claireCsrf);
            if (his.statusCode() == 201) {
                margaux.delete(
                        "/api/v1/rendez-vous/"
                                + ApiTest.JSON.readTree(his.body()).path("id").asString(),
                        "X-CSRF-TOKEN",
                        margauxCsrf);
            }
        }
    }

    private static HttpResponse<String> book(HttpBrowser who, String csrf, String key, String start) {
        return who.postJson(
                "/api/v1/rendez-vous",
                "{\"site\":\"" + Commune.ANNEXE_NORD.value() + "\",\"service\":\"" + Commune.SERVICE_URBANISME.value()
                        + "\",\"start\":\"" + start + "\"}",
                "X-CSRF-TOKEN",
                csrf,
                "Idempotency-Key",
                key);
    }
}
