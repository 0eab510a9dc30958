package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestAction;
import org.opengru.examples.portal.HttpBrowser.FilePart;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The agents' work queue over HTTP, without JavaScript: the open requests of the agent's teams with their
 * implicit-decision date and days left, the GET filters, "je prends" (a POST with its CSRF token) and the
 * filters on who has a request, the closed requests in their own view, and keyset pages.
 */
class WorkQueueTest extends RunningPortal {

    private static final Pattern ROW_LINK = Pattern.compile("href=\"/agent/demandes/([0-9a-f-]{36})\"");
    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");

    @Autowired
    GruCore core;

    @Test
    void anAgentSeesTheDeadlineFiltersAndTakesARequestInHand() {
        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        FilePart plan = new FilePart("plan.pdf", "application/pdf", TestPdf.proofOfAddress());
        String form = "/demarches/" + Commune.URBANISME_DP;
        Map<String, String> fields = new LinkedHashMap<>(HttpBrowser.hiddenFields(claire.get(form)));
        fields.put("champ_adresseTerrain", "3 allée des Peupliers");
        fields.put("champ_natureTravaux", "abri-de-jardin");
        fields.put("champ_surface", "8");
        HttpResponse<String> filed =
                claire.postMultipart(form, fields, Map.of("piece_plan-situation", plan, "piece_plan-masse", plan));
        assertThat(filed.uri().getPath()).startsWith("/mes-demandes/");
        String id = filed.uri().getPath().substring("/mes-demandes/".length());
        Request request = core.requests()
                .get(Principal.usager(Commune.TENANT, DemoPeople.CLAIRE), org.opengru.core.id.RequestId.parse(id));

        HttpBrowser linh = new HttpBrowser(PORT);
        HttpResponse<String> queue = linh.signInAgent(DemoPeople.agent(DemoPeople.LINH));
        String html = unescape(queue.body());
        assertThat(html)
                .contains("<h1>Demandes à traiter</h1>")
                .contains("<caption>Demandes à traiter par vos équipes</caption>")
                .contains("<legend>Filtrer les demandes</legend>")
                .contains(request.reference().toString())
                .contains("Décision implicite")
                .contains("jours restants")
                .contains("En ligne")
                .contains("Je prends");
        assertThat(ids(linh.get("/agent?equipe=urbanisme&agent=personne&tri=recentes")))
                .contains(id);
        assertThat(ids(linh.get("/agent?canal=PHONE"))).doesNotContain(id);
        assertThat(ids(linh.get("/agent?demarche=" + Commune.DEPOT_SAUVAGE))).doesNotContain(id);
        assertThat(ids(linh.get("/agent?echeance=31j&tri=recentes"))).contains(id);
        assertThat(ids(linh.get("/agent?echeance=depassee"))).doesNotContain(id);
        assertThat(ids(linh.get("/agent?echeance=7j"))).doesNotContain(id);

        // The request's page says the date and the days left too, and offers to take it.
        String requestPage = unescape(linh.get("/agent/demandes/" + id).body());
        assertThat(requestPage)
                .contains("Décision implicite :")
                .contains("jours restants")
                .contains("Agent chargé : <span>personne pour le moment</span>")
                .contains("Je prends cette demande")
                .contains("<h2>Envois au logiciel métier</h2>")
                .contains("<caption>Envois des événements de la demande au logiciel métier</caption>")
                .contains("Demande créée");
        // A push that is not dead is not sent again.
        Map<String, String> retry = new LinkedHashMap<>();
        retry.put("_csrf", HttpBrowser.csrf(queue));
        retry.put("evenement", java.util.UUID.randomUUID().toString());
        retry.put("destinataire", "logiciel-metier");
        assertThat(unescape(linh.postForm("/agent/demandes/" + id + "/envois/relancer", retry)
                        .body()))
                .contains("Cet envoi n'a pas été relancé");
        retry.put("evenement", "pas-un-identifiant");
        HttpResponse<String> malformed = linh.postForm("/agent/demandes/" + id + "/envois/relancer", retry);
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(unescape(malformed.body())).contains("Cet envoi n'a pas été relancé");

        // A form without its CSRF token is refused and changes nothing.
        HttpResponse<String> forged = linh.postForm("/agent/demandes/" + id + "/prendre", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        // Je prends: back on the same filtered queue, the request now hers.
        Map<String, String> take = new LinkedHashMap<>();
        take.put("_csrf", HttpBrowser.csrf(queue));
        take.put("retour", "/agent?equipe=urbanisme");
        HttpResponse<String> taken = linh.postForm("/agent/demandes/" + id + "/prendre", take);
        assertThat(taken.uri().toString()).endsWith("/agent?equipe=urbanisme");
        assertThat(unescape(taken.body())).contains("Vous avez pris la demande " + request.reference());
        assertThat(core.requests()
                        .get(Principal.system(Commune.TENANT, "test"), request.id())
                        .assignee())
                .isEqualTo(DemoPeople.LINH);
        assertThat(ids(linh.get("/agent?agent=moi&tri=recentes"))).contains(id);
        assertThat(ids(linh.get("/agent?agent=personne"))).doesNotContain(id);
        assertThat(unescape(linh.get("/agent/demandes/" + id).body()))
                .contains("Agent chargé : <span>Vous</span>")
                .doesNotContain("Je prends cette demande");
        assertThat(core.requests().history(Principal.system(Commune.TENANT, "test"), request.id()))
                .extracting(h -> h.action())
                .contains(RequestAction.ASSIGN);
        // Another address to go back to is not followed.
        take.put("retour", "https://ailleurs.example/agent");
        assertThat(linh.postForm("/agent/demandes/" + id + "/prendre", take)
                        .uri()
                        .getHost())
                .isEqualTo("localhost");

        // Closed requests have their own view; a request still open is not in it.
        HttpResponse<String> closed = linh.get("/agent?vue=closes");
        assertThat(closed.body()).contains("<h1>Demandes closes</h1>");
        assertThat(ids(closed)).doesNotContain(id);
        // A hand-made link never gives a 500: a team not hers, a bad cursor, an unknown sort.
        for (String bad : List.of("/agent?equipe=enfance", "/agent?apres=hier", "/agent?tri=au-hasard")) {
            HttpResponse<String> page = linh.get(bad);
            assertThat(page.statusCode()).as(bad).isEqualTo(200);
            assertThat(unescape(page.body())).as(bad).contains("Ces critères ne sont pas valables");
        }
        // Marc (enfance) neither sees nor takes it.
        HttpBrowser marc = new HttpBrowser(PORT);
        HttpResponse<String> his = marc.signInAgent(DemoPeople.agent(DemoPeople.MARC));
        assertThat(ids(his)).doesNotContain(id);
        Map<String, String> his_take = Map.of("_csrf", HttpBrowser.csrf(his));
        assertThat(unescape(marc.postForm("/agent/demandes/" + id + "/prendre", his_take)
                        .body()))
                .contains("La demande n'a pas été prise");
        assertThat(core.requests()
                        .get(Principal.system(Commune.TENANT, "test"), request.id())
                        .assignee())
                .isEqualTo(DemoPeople.LINH);
    }

    @Test
    void nextPageLinksWalkTheWholeQueueOnce() {
        UsagerPrincipal amina = Principal.usager(Commune.TENANT, DemoPeople.AMINA);
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            Request draft = core.requests()
                    .create(
                            amina,
                            NewRequest.of(
                                    Commune.PASSEPORT,
                                    DemoPeople.AMINA,
                                    Channel.PHONE,
                                    FormData.of("numeroPredemande", "ABCDE" + (10000 + i))),
                            null);
            filed.add(core.requests().submit(amina, draft.id(), null).id().toString());
        }
        HttpBrowser jeanne = new HttpBrowser(PORT);
        jeanne.signInAgent(DemoPeople.agent(DemoPeople.JEANNE));

        List<String> seen = new ArrayList<>();
        String next = "/agent?canal=PHONE&demarche=" + Commune.PASSEPORT + "&tri=anciennete";
        int pages = 0;
        while (next != null && pages++ < 10) {
            HttpResponse<String> page = jeanne.get(next);
            assertThat(page.statusCode()).isEqualTo(200);
            seen.addAll(ids(page));
            Matcher m = NEXT.matcher(page.body());
            next = m.find() ? unescape(m.group(1)) : null;
        }
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(seen).doesNotHaveDuplicates().containsAll(filed);
        assertThat(seen.subList(seen.indexOf(filed.get(0)), seen.indexOf(filed.get(0)) + filed.size()))
                .as("oldest first, in filing order")
                .containsExactlyElementsOf(filed);
    }

    private static List<String> ids(HttpResponse<String> page) {
        List<String> out = new ArrayList<>();
        Matcher m = ROW_LINK.matcher(page.body());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Thymeleaf escapes apostrophes and ampersands in text and attributes. */
    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
