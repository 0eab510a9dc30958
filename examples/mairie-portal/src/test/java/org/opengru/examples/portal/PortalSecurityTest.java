package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.principal.Principal;
import org.opengru.core.request.RequestQuery;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoIdentityProvider;
import org.opengru.examples.portal.demo.DemoPeople;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portal under the starter's Spring Security chain, over real HTTP with the demo identity provider:
 * CSRF tokens on forms and on the API's cookie calls, FranceConnect and ProConnect sign-in (teams from the
 * agent directory only), session fixation, sign-out through the provider.
 */
class PortalSecurityTest extends RunningPortal {

    static final String FORM = "/demarches/" + Commune.ACTE_ETAT_CIVIL;

    @Autowired
    GruCore core;

    @Test
    void aFormSentWithoutTheSessionsCsrfTokenIsRefusedAndNothingIsFiled() {
        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        HttpResponse<String> page = claire.get(FORM);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jeton", UUID.randomUUID().toString());
        fields.put("champ_typeActe", "naissance");
        fields.put("champ_nomPersonne", "Léo Martin");
        fields.put("champ_dateEvenement", "2016-05-02");
        int filedBefore = requestsOfClaire();

        // What a page of another site can make her browser send: her cookie, but not her token.
        HttpResponse<String> forged = claire.postMultipart(FORM, fields);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body())
                .contains("<html lang=\"fr\">")
                .contains("Aller au contenu")
                .contains("Votre formulaire n'a pas été envoyé")
                .contains("Mairie de Belleville-sur-Loire");
        fields.put("_csrf", "un-jeton-invente");
        assertThat(claire.postMultipart(FORM, fields).statusCode()).isEqualTo(403);
        assertThat(requestsOfClaire()).isEqualTo(filedBefore);

        // The page's own form, with the token th:action put in it.
        fields.put("_csrf", HttpBrowser.csrf(page));
        HttpResponse<String> filed = claire.postMultipart(FORM, fields);
        assertThat(filed.statusCode()).isEqualTo(200);
        assertThat(filed.uri().getPath()).startsWith("/mes-demandes/");
        assertThat(filed.body()).contains("Votre demande est envoyée");
        assertThat(requestsOfClaire()).isEqualTo(filedBefore + 1);
    }

    @Test
    void aResidentCancelsHerOwnAppointmentThroughTheApiAndNoOtherResidentCan() {
        HttpBrowser margaux = new HttpBrowser(PORT);
        margaux.signInResident(EmbeddedDatabasePersistenceTest.MARGAUX_SUB, EmbeddedDatabasePersistenceTest.MARGAUX);
        String margauxCsrf = HttpBrowser.csrf(margaux.get("/mon-espace"));
        java.time.LocalDate from =
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(7);
        String slots = margaux.get("/api/v1/creneaux?site=" + Commune.HOTEL_DE_VILLE.value() + "&service="
                        + Commune.SERVICE_ETAT_CIVIL.value() + "&du=" + from + "&au=" + from.plusDays(14))
                .body();
        String start = ApiTest.JSON.readTree(slots).get(0).path("start").asString();
        HttpResponse<String> booked = margaux.postJson(
                "/api/v1/rendez-vous",
                "{\"site\":\"" + Commune.HOTEL_DE_VILLE.value() + "\",\"service\":\""
                        + Commune.SERVICE_ETAT_CIVIL.value() + "\",\"start\":\"" + start + "\"}",
                "X-CSRF-TOKEN",
                margauxCsrf);
        assertThat(booked.statusCode()).isEqualTo(201);
        String appointment = "/api/v1/rendez-vous/"
                + ApiTest.JSON.readTree(booked.body()).path("id").asString();

        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        String claireCsrf = HttpBrowser.csrf(claire.get("/mon-espace"));
        assertThat(claire.delete(appointment, "X-CSRF-TOKEN", claireCsrf).statusCode())
                .isEqualTo(403);
        assertThat(margaux.delete(appointment).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(margaux.delete(appointment, "X-CSRF-TOKEN", margauxCsrf).statusCode())
                .isEqualTo(204);
        assertThat(margaux.get("/mon-espace").body()).doesNotContain(start.substring(0, 10) + "T");
    }

    @Test
    void theApiNeedsTheCsrfTokenWithTheSessionCookieButNotWithTheBackOfficesBearerToken() {
        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        HttpResponse<String> page = claire.get("/mon-espace");
        String request = "{\"procedure\":\"acte-etat-civil\",\"data\":{\"typeActe\":\"mariage\","
                + "\"nomPersonne\":\"Claire Martin\",\"dateEvenement\":\"2010-07-03\"}}";

        assertThat(claire.postJson("/api/v1/demandes", request).statusCode()).isEqualTo(403);
        HttpResponse<String> filed =
                claire.postJson("/api/v1/demandes", request, "X-CSRF-TOKEN", HttpBrowser.csrf(page));
        assertThat(filed.statusCode()).isEqualTo(201);
        String id = ApiTest.JSON.readTree(filed.body()).path("id").asString();
        // A bearer token is the only credential of its request: a wrong one is not rescued by the cookie.
        String review = "{\"action\":\"START_REVIEW\"}";
        String actions = "/api/v1/demandes/" + id + "/actions";
        assertThat(claire.postJson(actions, review, "Authorization", "Bearer faux")
                        .statusCode())
                .isEqualTo(401);
        // The back office's right token needs no CSRF token.
        assertThat(new HttpBrowser(PORT)
                        .postJson(actions, review, "Authorization", "Bearer " + ApiTest.TOKEN)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void signingInGivesTheSessionANewId() {
        HttpBrowser browser = new HttpBrowser(PORT);
        browser.step("/connexion/franceconnect"); // the sign-in starts in a session of its own
        String before = browser.sessionId();
        assertThat(before).isNotNull();

        browser.signInResident();

        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
    }

    @Test
    void anAgentSignsInWithProConnectAndGetsTheTeamsOfTheDirectory() {
        HttpBrowser marc = new HttpBrowser(PORT);
        HttpResponse<String> queue = marc.signInAgent(DemoPeople.agent(DemoPeople.MARC));

        assertThat(queue.uri().getPath()).isEqualTo("/agent");
        assertThat(queue.body())
                .contains("Demandes à traiter")
                .contains("Connecté : <strong>Marc Moreau</strong>")
                .contains(Commune.TEAM_NAMES.get(Commune.ENFANCE))
                .doesNotContain(Commune.TEAM_NAMES.get(Commune.ETAT_CIVIL));
    }

    @Test
    void someoneProConnectKnowsButTheAgentDirectoryDoesNotIsRefusedWhateverTheClaimsSay() {
        HttpBrowser stranger = new HttpBrowser(PORT);
        Map<String, Object> claims =
                new LinkedHashMap<>(DemoPeople.agent(DemoPeople.ACCUEIL).proConnectClaims());
        claims.put("email", "sophie.lambert@autre-commune.fr");
        claims.put("siret", DemoPeople.COMMUNE_SIRET);

        HttpResponse<String> page = stranger.signInAgent("pc-inconnu", claims);

        assertThat(page.uri().getPath()).isEqualTo("/agent/connexion");
        assertThat(page.uri().getQuery()).isEqualTo("login-error");
        assertThat(page.body()).contains("pas celui d&#39;un agent de la mairie");
        assertThat(stranger.get("/agent").uri().getPath()).isEqualTo("/agent/connexion");
    }

    @Test
    void aResidentIsRefusedTheAgentsPagesWithAPageInFrench() {
        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();

        HttpResponse<String> page = claire.get("/agent");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("<h1>Accès refusé</h1>").contains("Aller au contenu");
    }

    @Test
    void signingOutEndsTheSessionHereThenAtTheProvider() {
        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        HttpResponse<String> page = claire.get("/mon-espace");
        assertThat(claire.postForm("/deconnexion", Map.of()).statusCode())
                .as("a sign-out without the token")
                .isEqualTo(403);

        HttpResponse<String> out = claire.postForm("/deconnexion", Map.of("_csrf", HttpBrowser.csrf(page)));

        assertThat(out.uri().getPath()).isEqualTo("/");
        assertThat(out.uri().getQuery()).isEqualTo("deconnecte");
        assertThat(out.body()).contains("Vous êtes déconnecté");
        assertThat(redirects(out))
                .as("went through the provider's end-session endpoint")
                .anyMatch(uri ->
                        uri.startsWith("http://localhost:" + PROVIDER_PORT + "/" + DemoIdentityProvider.FRANCECONNECT));
        assertThat(claire.get("/mon-espace").uri().getPath()).isEqualTo("/connexion");
    }

    private int requestsOfClaire() {
        return core.requests()
                .list(Principal.usager(Commune.TENANT, DemoPeople.CLAIRE), RequestQuery.firstPage())
                .size();
    }

    private static java.util.List<String> redirects(HttpResponse<String> last) {
        java.util.List<String> uris = new java.util.ArrayList<>();
        for (Optional<HttpResponse<String>> r = Optional.of(last);
                r.isPresent();
                r = r.get().previousResponse()) {
            uris.add(r.get().uri().toString());
        }
        return uris;
    }
}
