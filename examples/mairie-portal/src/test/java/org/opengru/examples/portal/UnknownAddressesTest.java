package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.GruCore;
import org.opengru.core.request.Request;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Malformed ids and unknown addresses give the French 404 page, signed in or not, never a 500 and never a
 * stack trace in the log; an unknown address asks nobody to sign in first.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownAddressesTest extends RunningPortal {

    /** What a browser asks for (Spring Boot's error page answers JSON to a client that does not). */
    private static final String HTML = "text/html,application/xhtml+xml";

    private static final String[] RESIDENT_PAGES = {
        "/mes-demandes/pas-un-id",
        "/mes-demandes/00000000-0000-0000-0000-000000000000",
        "/mes-demandes/12345/accuse-reception",
        "/mes-documents/pas-un-id",
        "/rendez-vous/pas-un-id",
        "/rendez-vous/pas-un-id/calendrier.ics",
        "/demarches/demarche-inconnue",
        "/demarches/Pas%20un%20code",
        "/page-inexistante",
        "/mon-espace/inconnu",
        "/demarches/" + Commune.PASSEPORT + "?pour=pas-un-id",
        "/mes-demandes/pas-un-id/fichier?ref=document:x/v1",
        "/rendez-vous/creneaux?motif=x",
        "/rendez-vous/creneaux?motif=hotel-de-ville",
        "/rendez-vous/creneaux?motif=/",
        "/rendez-vous/creneaux?motif=hotel-de-ville/service-inconnu",
        "/rendez-vous/creneaux?motif=site-inconnu/etat-civil",
        "/rendez-vous/creneaux?motif=Pas%20un%20site/etat-civil",
        "/reserver/salle-inconnue",
        "/reserver/Pas%20un%20code",
        "/reservations/pas-un-id",
        "/reservations/00000000-0000-0000-0000-000000000000",
        "/evenements/session-inconnue",
        "/evenements/Pas%20un%20code",
        "/inscriptions/pas-un-id",
        "/inscriptions/00000000-0000-0000-0000-000000000000",
        "/paiements/pas-un-id/avis",
        "/paiements/00000000-0000-0000-0000-000000000000/avis",
        "/signalements/pas-un-id",
        "/signalements/00000000-0000-0000-0000-000000000000",
        "/signalements/donnees-ouvertes/2026-13.csv",
        "/signalements/donnees-ouvertes/mars.geojson",
        "/signalements/photos-jointes/1",
        "/signalements/photos-jointes/pas-un-numero"
    };

    private static final String[] AGENT_PAGES = {
        "/agent/demandes/pas-un-id",
        "/agent/demandes/00000000-0000-0000-0000-000000000000",
        "/agent/saisie?demarche=demarche-inconnue",
        "/agent/saisie?demarche=Pas%20un%20code",
        "/agent/rendez-vous?jour=2026-13-45",
        "/agent/rendez-vous?jour=demain",
        "/agent/rendez-vous?site=site-inconnu",
        "/agent/rendez-vous?site=Pas%20un%20site",
        "/agent/demandes/pas-un-id/fichier?ref=document:x/v1",
        "/agent/inconnu",
        "/agent/reservations/pas-un-id",
        "/agent/reservations/00000000-0000-0000-0000-000000000000",
        "/agent/evenements/session-inconnue",
        "/agent/evenements/Pas%20un%20code",
        "/agent/signalements/pas-un-id",
        "/agent/signalements/00000000-0000-0000-0000-000000000000",
        "/agent/signalements/pas-un-id/photos/1",
        "/agent/signalements/00000000-0000-0000-0000-000000000000/photos/1",
        "/agent/signalements/00000000-0000-0000-0000-000000000000/photos/pas-un-numero"
    };

    /**
     * Query values the pages tolerate, being a filter's or a view's: the page itself, with defaults, in
     * French (a hand-edited link is no error of the resident's).
     */
    private static final String[] TOLERATED = {
        "/rendez-vous/creneaux?motif=hotel-de-ville/etat-civil&vue=mois&du=2026-13-45",
        "/rendez-vous/creneaux?motif=hotel-de-ville/etat-civil&du=demain",
        "/agent?vue=inconnue&etat=INCONNU&canal=pigeon&echeance=bientot&tri=hasard&apres=pas-un-curseur",
        "/agent/tableau-de-bord?semaines=beaucoup",
        "/rendez-vous/pas-un-id/annulation?jeton=x",
        // Back from PayFiP with a payment that is not one, or none: the result page says nothing is known.
        "/paiement/resultat?paiement=pas-un-id&etat=PAID",
        "/paiement/resultat?etat=INCONNU",
        "/agent/signalements?categorie=inconnue&etat=PERDU&zone=Nulle%20part",
        "/signalements/confirmation?jeton=x"
    };

    @Autowired
    GruCore core;

    @Test
    void signedOutAnUnknownAddressIsNotFoundRatherThanTheSignInPage(CapturedOutput log) {
        HttpBrowser visitor = new HttpBrowser(PORT);
        for (String path : new String[] {
            "/page-inexistante", "/wp-login.php", "/mes-demandes-x", "/css/inconnu.css", "/signalements/pas-un-id"
        }) {
            HttpResponse<String> page = visitor.getWith(path, "Accept", HTML);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Page introuvable");
        }
        // A page that exists still asks to sign in.
        assertThat(visitor.getWith("/mon-espace").statusCode()).isEqualTo(302);
        assertThat(visitor.getWith("/mes-demandes/pas-un-id").statusCode()).isEqualTo(302);
        assertNoStackTrace(log);
    }

    @Test
    void malformedIdsAndUnknownPagesGiveTheFrench404PageToResidentsAndAgents(CapturedOutput log) {
        HttpBrowser resident = new HttpBrowser(PORT);
        resident.signInResident();
        for (String path : RESIDENT_PAGES) {
            assertNotFound(resident.getWith(path, "Accept", HTML), path);
        }
        HttpBrowser agent = new HttpBrowser(PORT);
        agent.signInAgent(DemoPeople.agent(DemoPeople.ACCUEIL));
        for (String path : AGENT_PAGES) {
            assertNotFound(agent.getWith(path, "Accept", HTML), path);
        }
        assertNoStackTrace(log);
    }

    /**
     * Every GET route of the portal (resident, agent, public) with an id, code or value that is not one: a
     * French 404 for what the address names, a French 400 for a missing form value, a French page with
     * defaults for a filter; never a 500 nor a stack trace.
     */
    @Test
    void everyGetRouteAnswersMalformedParametersInFrenchNeverWithA500(CapturedOutput log) {
        HttpBrowser resident = new HttpBrowser(PORT);
        resident.signInResident();
        Request mine = DeskFixtures.passportRequest(core);
        String files = "/mes-demandes/" + mine.id() + "/fichier";
        for (String path : new String[] {
            files + "?ref=inconnu",
            files + "?ref=document:------------------------------------/v1",
            files + "?ref=document:" + UUID.randomUUID() + "/v99999",
            "/mes-documents/" + UUID.randomUUID(),
            "/mes-demandes/" + UUID.randomUUID() + "/accuse-reception",
            "/rendez-vous/" + UUID.randomUUID(),
            "/rendez-vous/" + UUID.randomUUID() + "/calendrier.ics"
        }) {
            assertNotFound(resident.getWith(path, "Accept", HTML), path);
        }
        for (String path : new String[] {files, "/rendez-vous/creneaux"}) {
            HttpResponse<String> page = resident.getWith(path, "Accept", HTML);
            assertThat(page.statusCode()).as(path).isEqualTo(400);
            assertThat(page.body()).as(path).contains("Une erreur est survenue").doesNotContain("Exception");
        }
        HttpBrowser agent = new HttpBrowser(PORT);
        agent.signInAgent(DemoPeople.agent(DemoPeople.ACCUEIL));
        String agentFiles = "/agent/demandes/" + mine.id() + "/fichier";
        assertNotFound(agent.getWith(agentFiles + "?ref=inconnu", "Accept", HTML), agentFiles);
        for (String path : TOLERATED) {
            HttpBrowser who = path.startsWith("/agent") ? agent : resident;
            HttpResponse<String> page = who.getWith(path, "Accept", HTML);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("lang=\"fr\"").doesNotContain("Exception");
        }
        assertNoStackTrace(log);
    }

    /**
     * Every POST route of the portal with ids, dates, codes and values that are not ones, fields missing or
     * oversized, and a wrong CSRF token: a French page (404 for what the address names, 400 for a form no
     * page sends, 403 for a forged post, or the form again with its error), never a 500 nor a stack trace.
     */
    @Test
    void everyPostRouteAnswersMalformedParametersInFrenchNeverWithA500(CapturedOutput log) {
        HttpBrowser resident = new HttpBrowser(PORT);
        resident.signInResident();
        Request mine = DeskFixtures.passportRequest(core);
        String csrf = csrf(resident, "/mon-espace");
        String unknown = UUID.randomUUID().toString();
        String slot = "hotel-de-ville/etat-civil";
        String huge = "x".repeat(300_000);
        for (String id : new String[] {"pas-un-id", unknown, "12345"}) {
            posted(
                    404,
                    resident.postFormForPage(
                            "/mes-demandes/" + id + "/messages", Map.of("message", "Bonjour", "_csrf", csrf)));
            posted(
                    404,
                    resident.postMultipartForPage(
                            "/mes-demandes/" + id + "/complement", Map.of("_csrf", csrf), Map.of()));
            posted(404, resident.postFormForPage("/mes-demandes/" + id + "/retirer", Map.of("_csrf", csrf)));
            posted(
                    404,
                    resident.postFormForPage(
                            "/rendez-vous/" + id + "/deplacer",
                            Map.of("creneau", "2026-12-24T09:00:00Z", "_csrf", csrf)));
            posted(404, resident.postFormForPage("/rendez-vous/" + id + "/annuler", Map.of("_csrf", csrf)));
        }
        for (String motif : new String[] {"x", "/", "site-inconnu/etat-civil", "Pas un site/etat-civil"}) {
            posted(
                    404,
                    resident.postFormForPage(
                            "/rendez-vous",
                            Map.of("motif", motif, "creneau", "2026-12-24T09:00:00Z", "jeton", "t", "_csrf", csrf)));
        }
        for (String date : new String[] {"pas-une-date", "2026-13-45T09:00:00Z", "", huge}) {
            posted(
                    404,
                    resident.postFormForPage(
                            "/rendez-vous", Map.of("motif", slot, "creneau", date, "jeton", "t", "_csrf", csrf)));
        }
        posted(
                200,
                resident.postFormForPage(
                        "/rendez-vous", Map.of("motif", slot, "jeton", "t", "ants", huge, "_csrf", csrf)));
        posted(400, resident.postFormForPage("/rendez-vous", Map.of("motif", slot, "_csrf", csrf)));
        posted(400, resident.postFormForPage("/rendez-vous", Map.of("_csrf", csrf)));
        posted(404, resident.postMultipartForPage("/demarches/demarche-inconnue", Map.of("_csrf", csrf), Map.of()));
        posted(404, resident.postMultipartForPage("/demarches/Pas%20un%20code", Map.of("_csrf", csrf), Map.of()));
        posted(
                400,
                resident.postMultipartForPage("/mes-documents", Map.of("type", "passeport", "_csrf", csrf), Map.of()));
        posted(
                200,
                resident.postMultipartForPage(
                        "/mes-documents",
                        Map.of("type", "Pas un type", "_csrf", csrf),
                        Map.of(
                                "fichier",
                                new HttpBrowser.FilePart("a.pdf", "application/pdf", TestPdf.proofOfAddress()))));
        posted(
                200,
                resident.postFormForPage(
                        "/mes-demandes/" + mine.id() + "/messages", Map.of("message", huge, "_csrf", csrf)));
        posted(
                200,
                resident.postFormForPage(
                        "/rendez-vous/" + unknown + "/annulation", Map.of("jeton", "x", "_csrf", csrf)));
        posted(
                200,
                resident.postFormForPage("/rendez-vous/pas-un-id/annulation", Map.of("jeton", huge, "_csrf", csrf)));
        // A forged post (no token, a wrong one): refused, in French.
        posted(403, resident.postFormForPage("/mes-demandes/" + mine.id() + "/messages", Map.of("message", "Bonjour")));
        posted(403, resident.postFormForPage("/mes-demandes/" + mine.id() + "/retirer", Map.of("_csrf", "pas-le-bon")));

        HttpBrowser agent = new HttpBrowser(PORT);
        agent.signInAgent(DemoPeople.agent(DemoPeople.JEANNE));
        String agentCsrf = csrf(agent, "/agent");
        for (String id : new String[] {"pas-un-id", unknown}) {
            posted(404, agent.postFormForPage("/agent/demandes/" + id + "/prendre", Map.of("_csrf", agentCsrf)));
            posted(
                    404,
                    agent.postFormForPage(
                            "/agent/demandes/" + id + "/action", Map.of("action", "START_REVIEW", "_csrf", agentCsrf)));
            posted(
                    404,
                    agent.postMultipartForPage(
                            "/agent/demandes/" + id + "/messages",
                            Map.of("message", "Bonjour", "_csrf", agentCsrf),
                            Map.of()));
            posted(
                    404,
                    agent.postFormForPage(
                            "/agent/demandes/" + id + "/envois/relancer",
                            Map.of(
                                    "evenement",
                                    UUID.randomUUID().toString(),
                                    "destinataire",
                                    "logiciel-metier",
                                    "_csrf",
                                    agentCsrf)));
            posted(
                    404,
                    agent.postFormForPage(
                            "/agent/rendez-vous/" + id,
                            Map.of(
                                    "presence",
                                    "venu",
                                    "jour",
                                    "2026-12-24",
                                    "site",
                                    "hotel-de-ville",
                                    "_csrf",
                                    agentCsrf)));
        }
        String request = "/agent/demandes/" + mine.id();
        posted(400, agent.postFormForPage(request + "/action", Map.of("action", "INCONNUE", "_csrf", agentCsrf)));
        posted(400, agent.postFormForPage(request + "/action", Map.of("_csrf", agentCsrf)));
        posted(
                200,
                agent.postFormForPage(
                        request + "/prendre", Map.of("retour", "https://ailleurs.example/", "_csrf", agentCsrf)));
        posted(
                200,
                agent.postFormForPage(
                        request + "/envois/relancer",
                        Map.of("evenement", "pas-un-id", "destinataire", "x", "_csrf", agentCsrf)));
        posted(400, agent.postFormForPage(request + "/envois/relancer", Map.of("_csrf", agentCsrf)));
        posted(
                400,
                agent.postFormForPage(
                        "/agent/rendez-vous/" + unknown,
                        Map.of("presence", "peut-etre", "jour", "x", "site", "y", "_csrf", agentCsrf)));
        posted(400, agent.postFormForPage("/agent/rendez-vous/" + unknown, Map.of("_csrf", agentCsrf)));
        posted(404, agent.postFormForPage("/agent/saisie", Map.of("demarche", "Pas un code", "_csrf", agentCsrf)));
        posted(
                404,
                agent.postFormForPage("/agent/saisie", Map.of("demarche", "demarche-inconnue", "_csrf", agentCsrf)));
        posted(403, agent.postFormForPage(request + "/prendre", Map.of("_csrf", "pas-le-bon")));
        assertNoStackTrace(log);
    }

    private static String csrf(HttpBrowser who, String page) {
        String token = HttpBrowser.hiddenFields(who.get(page)).get("_csrf");
        assertThat(token).as("CSRF token on %s", page).isNotNull();
        return token;
    }

    /** A French page with this status, saying no exception. */
    private static void posted(int status, HttpResponse<String> page) {
        String what = page.request().method() + " " + page.uri();
        assertThat(page.statusCode()).as(what).isEqualTo(status);
        assertThat(page.body())
                .as(what)
                .contains("lang=\"fr\"")
                .doesNotContain("Exception")
                .doesNotContain("Whitelabel");
    }

    private static void assertNotFound(HttpResponse<String> page, String path) {
        assertThat(page.statusCode()).as(path).isEqualTo(404);
        assertThat(page.body()).as(path).contains("Page introuvable").doesNotContain("Exception");
    }

    private static void assertNoStackTrace(CapturedOutput log) {
        assertThat(log.getAll()).doesNotContain("\tat org.");
    }
}
