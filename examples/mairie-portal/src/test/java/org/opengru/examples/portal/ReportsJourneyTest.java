package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opengru.documents.storage.BlobStore;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoMailServer;
import org.opengru.examples.portal.demo.DemoPeople;
import org.opengru.examples.portal.reports.TestPhotos;
import org.opengru.reports.GeoPoint;
import org.opengru.reports.Report;
import org.opengru.reports.ReportDraft;
import org.opengru.reports.ReportId;
import org.opengru.reports.ReportService;
import org.opengru.reports.ReportStatus;
import org.opengru.reports.Reporter;
import org.opengru.reports.photo.PhotoProcessor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The signalement journeys as a browser without JavaScript makes them (plain forms over HTTP): the address
 * searched on the server, the nearby report proposed before filing, the refusals in French with nothing
 * stored, a report without an account filed once its e-mail is verified; the public pages, map and open data
 * never show what a reporter wrote or who they are; agents merge a duplicate and see only their teams'.
 */
class ReportsJourneyTest extends RunningPortal {

    private static final Pattern LINK = Pattern.compile("jeton=([A-Za-z0-9_-]+)");

    @Autowired
    ReportService reports;

    @Autowired
    DemoMailServer mail;

    @Autowired
    BlobStore blobs;

    @Test
    void aResidentReportsByAddressWithoutJavaScriptAndIsOfferedTheNearbyReportFirst() {
        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        HttpResponse<String> start = claire.get("/signalements/nouveau");
        assertThat(start.statusCode()).isEqualTo(200);
        // The map waits for its script: without JavaScript the page is the address search alone.
        assertThat(start.body()).contains("class=\"carte\" hidden").contains("id=\"adresse\"");

        HttpResponse<String> details = step1(claire, start, "depot-sauvage", FakeAddressBase.PLACE_DU_MARCHE);
        assertThat(details.body())
                .contains("Étape 2 sur 2")
                .contains("Déjà signalé ?")
                .contains("Déjà signalé : +1")
                .contains(FakeAddressBase.PLACE_DU_MARCHE);

        Map<String, String> fields = new LinkedHashMap<>(HttpBrowser.hiddenFields(details));
        fields.put("description", "Encore des cartons devant le conteneur.");
        HttpResponse<String> filed = claire.postMultipart("/signalements/envoi", fields);
        assertThat(filed.uri().getPath()).as(filed.body()).startsWith("/signalements/");
        assertThat(filed.body())
                .contains("Votre signalement est envoyé")
                .contains("Dépôt sauvage de déchets")
                .contains("Quartier sud");
        ReportId id = ReportId.parse(filed.uri().getPath().substring("/signalements/".length()));
        assertThat(claire.get("/signalements/mes-signalements").body()).contains(id.toString());
    }

    @Test
    void aPlaceOutsideTheCommuneAnUnknownAddressOrAPhotoThatIsNoImageIsRefusedInFrenchNothingStored() {
        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        HttpResponse<String> start = claire.get("/signalements/nouveau");
        assertThat(step1(claire, start, "voirie", FakeAddressBase.PARIS).body())
                .contains("Ce lieu est en dehors de la commune")
                .contains("Votre signalement n’est pas encore envoyé");
        assertThat(step1(claire, start, "voirie", "99 chemin qui n'existe pas").body())
                .contains("Nous n&#39;avons pas trouvé cette adresse");
        assertThat(step1(claire, start, "", FakeAddressBase.RUE_DES_LILAS).body())
                .contains("Choisissez une catégorie de la liste.");

        int before = publicCount();
        HttpResponse<String> details = step1(claire, start, "graffiti", FakeAddressBase.RUE_DES_LILAS);
        Map<String, String> fields = new LinkedHashMap<>(HttpBrowser.hiddenFields(details));
        fields.put("description", "Un tag sur le mur de la salle des fêtes.");
        HttpResponse<String> refused = claire.postMultipart(
                "/signalements/envoi",
                fields,
                Map.of(
                        "photos",
                        new HttpBrowser.FilePart(
                                "photo.jpg", "image/jpeg", "pas une image".getBytes(StandardCharsets.UTF_8))));
        assertThat(refused.uri().getPath()).isEqualTo("/signalements/envoi");
        assertThat(refused.body()).contains("Ce fichier n&#39;est pas une photo");
        assertThat(publicCount()).isEqualTo(before);
    }

    @Test
    void withoutAnAccountTheReportWaitsForItsEmailAndNoPublicPageMapOrExportShowsWhoWroteIt() throws Exception {
        String name = "Gaspard Canarivelli";
        String email = "gaspard.canarivelli@exemple.fr";
        String phone = "06 98 76 54 32";
        HttpBrowser visitor = new HttpBrowser(PORT);
        HttpResponse<String> start = visitor.get("/signalements/nouveau");
        assertThat(start.statusCode()).isEqualTo(200);
        int before = publicCount();
        HttpResponse<String> details = step1(visitor, start, "graffiti", FakeAddressBase.RUE_DES_LILAS);
        assertThat(details.body()).contains("id=\"email\"");
        Map<String, String> fields = new LinkedHashMap<>(HttpBrowser.hiddenFields(details));
        fields.put("description", "Tag injurieux. Je suis " + name + ", joignable au " + phone + " ou " + email + ".");
        fields.put("email", "pas-une-adresse");
        assertThat(visitor.postMultipart("/signalements/envoi", fields).body())
                .contains("Indiquez une adresse électronique valable");
        fields.put("email", email);
        assertThat(visitor.postMultipart("/signalements/envoi", fields).body()).contains("Confirmez votre signalement");

        // Not filed until the link is followed: no one sees it.
        String token = verificationToken(mail, email);
        assertThat(publicCount()).isEqualTo(before);
        HttpResponse<String> confirm = visitor.get("/signalements/confirmation?jeton=" + token);
        assertThat(confirm.body()).contains("Confirmer");
        HttpResponse<String> confirmed = visitor.postForm(
                "/signalements/confirmation", Map.of("_csrf", HttpBrowser.csrf(confirm), "jeton", token));
        assertThat(confirmed.uri().getPath()).as(confirmed.body()).startsWith("/signalements/");
        assertThat(confirmed.body()).contains("Votre adresse électronique est confirmée");
        String page = confirmed.uri().getPath();
        ReportId id = ReportId.parse(page.substring("/signalements/".length()));

        // The team takes it in hand and resolves it: it reaches the month's open data.
        var linh = org.opengru.core.principal.Principal.agent(
                Commune.TENANT, DemoPeople.LINH, java.util.Set.of(Commune.PROPRETE, Commune.URBANISME));
        assertThat(reports.report(linh, id).description()).contains(name); // the canary was stored
        reports.changeStatus(linh, id, ReportStatus.IN_PROGRESS);
        reports.changeStatus(linh, id, ReportStatus.RESOLVED);

        String month = YearMonth.from(LocalDate.now(Commune.ZONE)).toString();
        for (String path : List.of(
                "/signalements",
                page,
                "/signalements/carte.geojson",
                "/signalements/donnees-ouvertes",
                "/signalements/donnees-ouvertes/" + month + ".csv",
                "/signalements/donnees-ouvertes/" + month + ".geojson")) {
            HttpResponse<String> shown = new HttpBrowser(PORT).get(path);
            assertThat(shown.statusCode()).as(path).isEqualTo(200);
            assertThat(shown.body())
                    .as(path)
                    .doesNotContain("Canarivelli")
                    .doesNotContain("canarivelli")
                    .doesNotContain("98 76 54 32")
                    .doesNotContain("Tag injurieux")
                    .doesNotContain(FakeAddressBase.RUE_DES_LILAS);
        }
        assertThat(new HttpBrowser(PORT).get(page).body()).contains("résolu");
        assertThat(new HttpBrowser(PORT)
                        .get("/signalements/donnees-ouvertes/" + month + ".csv")
                        .body())
                .startsWith("month,category,zone,resolved,median_days_to_resolve");
    }

    @Test
    void anAgentMergesADuplicateAndAnotherTeamsAgentIsRefusedItsReports() {
        Report kept = file(DemoPeople.PAUL, new GeoPoint(47.9300, 1.9500), "Un nid-de-poule rue des Tilleuls.");
        Report duplicate = file(DemoPeople.AMINA, new GeoPoint(47.9301, 1.9501), "Trou dans la chaussée devant le 4.");

        HttpBrowser linh = new HttpBrowser(PORT);
        linh.signInAgent(DemoPeople.agent(DemoPeople.LINH));
        HttpResponse<String> list = linh.get("/agent/signalements?categorie=voirie&etat=RECEIVED&zone=nord");
        assertThat(list.body())
                .contains(kept.id().toString())
                .contains(duplicate.id().toString());
        assertThat(linh.get("/agent/signalements/carte.geojson?categorie=voirie")
                        .body())
                .contains(kept.id().toString());

        HttpResponse<String> page = linh.get("/agent/signalements/" + duplicate.id());
        assertThat(page.body())
                .contains("Doublons possibles")
                .contains(kept.id().toString());
        HttpResponse<String> merged = linh.postForm(
                "/agent/signalements/" + duplicate.id() + "/fusion",
                Map.of("_csrf", HttpBrowser.csrf(page), "cible", kept.id().toString()));
        assertThat(merged.uri().getPath()).isEqualTo("/agent/signalements/" + kept.id());
        assertThat(merged.body())
                .contains("Les deux signalements sont fusionnés")
                .contains("2 personne(s)");
        assertThat(linh.get("/agent/signalements/" + duplicate.id()).body())
                .contains("Rejeté")
                .contains("Fusionné dans");

        HttpBrowser jeanne = new HttpBrowser(PORT);
        jeanne.signInAgent(DemoPeople.agent(DemoPeople.JEANNE));
        assertThat(jeanne.get("/agent/signalements").body())
                .doesNotContain(kept.id().toString());
        assertThat(jeanne.getWith("/agent/signalements/" + kept.id()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aPhotoChosenAtStepOneProposesItsPlaceAtStepTwoAndJoinsTheReportWithoutBeingChosenAgain() throws Exception {
        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        HttpResponse<String> start = claire.get("/signalements/nouveau");
        Map<String, String> place = new LinkedHashMap<>(
                Map.of("_csrf", HttpBrowser.csrf(start), "categorie", "voirie", "adresse", "", "lat", "", "lon", ""));

        // A photo without a position proposes nothing and says so; it is kept all the same, and can be left out.
        HttpResponse<String> none = claire.postMultipart(
                "/signalements/nouveau",
                place,
                Map.of("photo", new HttpBrowser.FilePart("trou.jpg", "image/jpeg", jpegAt(null, null))));
        assertThat(none.body())
                .contains("Cette photo ne porte pas de position dans la commune")
                .contains("1 photo jointe");
        Map<String, String> leftOut = new LinkedHashMap<>(place);
        leftOut.put("retirer", "1");
        assertThat(claire.postMultipart("/signalements/nouveau", leftOut).body())
                .doesNotContain("photo jointe");

        HttpResponse<String> proposed = claire.postMultipart(
                "/signalements/nouveau",
                place,
                Map.of("photo", new HttpBrowser.FilePart("trou.jpg", "image/jpeg", jpegAt(47.9302, 1.9502))));
        assertThat(proposed.body())
                .as(proposed.body())
                .contains("Étape 2 sur 2")
                .contains("La photo a été prise près du point de latitude 47,9302")
                .contains("est-ce l’endroit du problème ?")
                .contains("1 photo jointe");
        String photoPlace = photoPlace(proposed);
        assertThat(photoPlace).isEqualTo("47.9302,1.9502");
        // The held photo is shown to its resident only, stripped already.
        HttpResponse<String> thumbnail = claire.getWith("/signalements/photos-jointes/1");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(new HttpBrowser(PORT)
                        .getWith("/signalements/photos-jointes/1")
                        .statusCode())
                .isNotEqualTo(200);

        // The resident confirms the photo's place and sends, without choosing the photo again.
        Map<String, String> fields = new LinkedHashMap<>(HttpBrowser.hiddenFields(proposed));
        fields.put("description", "Un trou au milieu du passage piéton.");
        fields.put("lieu-photo", photoPlace);
        HttpResponse<String> filed = claire.postMultipart("/signalements/envoi", fields);
        assertThat(filed.uri().getPath()).as(filed.body()).startsWith("/signalements/");
        assertThat(filed.body()).contains("Votre signalement est envoyé");
        Report report = agentView(filed);
        assertThat(report.location().distanceMetres(new GeoPoint(47.9302, 1.9502)))
                .isLessThan(1);
        assertThat(report.address()).isNull();
        assertThat(report.photos()).hasSize(1);
        try (var in = blobs.open(report.photos().get(0).blob())) {
            assertThat(PhotoProcessor.hasGps(in.readAllBytes())).isFalse();
        }
        // Filed: the holding area has nothing left for this session.
        assertThat(claire.getWith("/signalements/photos-jointes/1").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPhotoChosenAtStepTwoAwayFromTheAddressIsProposedAndNothingIsFiledUntilTheResidentChooses() {
        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        HttpResponse<String> details =
                step1(claire, claire.get("/signalements/nouveau"), "graffiti", FakeAddressBase.RUE_DES_LILAS);
        Map<String, String> fields = new LinkedHashMap<>(HttpBrowser.hiddenFields(details));
        String text = "Une affiche arrachée qui pend du panneau.";
        fields.put("description", text);
        int before = publicCount();

        HttpResponse<String> asked = claire.postMultipart(
                "/signalements/envoi",
                fields,
                Map.of("photos", new HttpBrowser.FilePart("affiche.jpg", "image/jpeg", jpegAt(47.8880, 1.8800))));
        assertThat(asked.body())
                .contains("Votre signalement n’est pas encore envoyé : la photo a été prise à un autre endroit")
                .contains("mètres de l’endroit indiqué : quel endroit retenir ?")
                .contains("L’endroit indiqué : " + FakeAddressBase.RUE_DES_LILAS)
                .contains("1 photo jointe")
                .contains(text);
        assertThat(publicCount()).isEqualTo(before);

        // Sent again without choosing: asked again, in French, still nothing filed.
        Map<String, String> again = new LinkedHashMap<>(HttpBrowser.hiddenFields(asked));
        again.put("description", text);
        HttpResponse<String> unanswered = claire.postMultipart("/signalements/envoi", again);
        assertThat(unanswered.body()).contains("Choisissez l&#39;endroit à retenir");
        assertThat(publicCount()).isEqualTo(before);

        again.put("lieu-photo", photoPlace(unanswered));
        HttpResponse<String> filed = claire.postMultipart("/signalements/envoi", again);
        assertThat(filed.body()).as(filed.body()).contains("Votre signalement est envoyé");
        Report report = agentView(filed);
        assertThat(report.location().distanceMetres(new GeoPoint(47.8880, 1.8800)))
                .isLessThan(1);
        assertThat(report.address()).isNull();
        assertThat(report.photos()).hasSize(1);
        assertThat(publicCount()).isEqualTo(before + 1);
    }

    @Test
    void straightToStepTwoAPhotosPlaceIsProposedAndRefusingItLeadsToStepOneKeepingTextAndPhoto() {
        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        String csrf = HttpBrowser.csrf(claire.get("/signalements/nouveau"));
        String text = "Le lampadaire clignote toute la nuit.";
        Map<String, String> straight =
                new LinkedHashMap<>(Map.of("_csrf", csrf, "categorie", "eclairage", "description", text));

        // Without a photo nor a place: step 1 asks where, keeping the text.
        HttpResponse<String> where = claire.postMultipart("/signalements/envoi", straight);
        assertThat(where.body()).contains("Étape 1 sur 2").contains("Indiquez l&#39;adresse du problème");
        // Nothing refused yet: a photo chosen at step 1 now still has its place proposed.
        assertThat(HttpBrowser.hiddenFields(where))
                .containsEntry("description", text)
                .doesNotContainKey("lieu-photo");

        HttpResponse<String> proposed = claire.postMultipart(
                "/signalements/envoi",
                straight,
                Map.of("photos", new HttpBrowser.FilePart("lampe.jpg", "image/jpeg", jpegAt(47.9120, 1.9400))));
        assertThat(proposed.body()).contains("est-ce l’endroit du problème ?").contains("1 photo jointe");

        // "Non, j'indique l'endroit": step 1, the text and the photo kept.
        Map<String, String> no = new LinkedHashMap<>(HttpBrowser.hiddenFields(proposed));
        no.put("description", text);
        no.put("lieu-photo", "autre");
        HttpResponse<String> back = claire.postMultipart("/signalements/envoi", no);
        assertThat(back.body()).contains("Étape 1 sur 2").contains("1 photo jointe");
        Map<String, String> step1 = new LinkedHashMap<>(HttpBrowser.hiddenFields(back));
        assertThat(step1).containsEntry("description", text);
        step1.put("categorie", "eclairage");
        step1.put("adresse", FakeAddressBase.PLACE_DU_MARCHE);
        HttpResponse<String> details = claire.postMultipart("/signalements/nouveau", step1);
        assertThat(details.body())
                .contains("Étape 2 sur 2")
                .doesNotContain("est-ce l’endroit du problème ?")
                .doesNotContain("quel endroit retenir ?")
                .contains(text)
                .contains("1 photo jointe");

        Map<String, String> send = new LinkedHashMap<>(HttpBrowser.hiddenFields(details));
        send.put("description", text);
        HttpResponse<String> filed = claire.postMultipart("/signalements/envoi", send);
        assertThat(filed.body()).as(filed.body()).contains("Votre signalement est envoyé");
        Report report = agentView(filed);
        assertThat(report.address()).isEqualTo(FakeAddressBase.PLACE_DU_MARCHE);
        assertThat(report.photos()).hasSize(1);
    }

    @Test
    void theAgentsOfTheReportsTeamSeeItsPhotosAndAnotherTeamsAgentIsRefusedThem() throws Exception {
        Report r = reports.file(ReportDraft.by(Commune.TENANT, Reporter.resident(DemoPeople.PAUL), "test-photo")
                        .category("voirie")
                        .at(new GeoPoint(47.9303, 1.9503))
                        .description("Un panneau tombé.")
                        .photo(jpegAt(47.9303, 1.9503)))
                .report();
        String photo = "/agent/signalements/" + r.id() + "/photos/1";
        byte[] stored;
        try (var in = blobs.open(r.photos().get(0).blob())) {
            stored = in.readAllBytes();
        }

        HttpBrowser linh = new HttpBrowser(PORT);
        linh.signInAgent(DemoPeople.agent(DemoPeople.LINH));
        assertThat(linh.get("/agent/signalements/" + r.id()).body())
                .contains("src=\"" + photo + "\"")
                .contains("alt=\"Photo 1 sur 1 jointe au signalement");
        HttpResponse<byte[]> image = linh.getBytes(photo);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(stored);
        assertThat(PhotoProcessor.hasGps(image.body())).isFalse();
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(image.headers().firstValue("Content-Length")).hasValue(String.valueOf(stored.length));
        assertThat(image.headers().firstValue("Content-Disposition"))
                .hasValue("inline; filename=\"signalement-" + r.id() + "-photo-1.jpg\"");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(image.headers().allValues("Cache-Control"))
                .singleElement()
                .satisfies(v ->
                        assertThat(v).contains("no-store").contains("private").doesNotContain("public"));
        assertThat(linh.getWith("/agent/signalements/" + r.id() + "/photos/2").statusCode())
                .isEqualTo(404);
        assertThat(linh.getWith("/agent/signalements/" + r.id() + "/photos/0").statusCode())
                .isEqualTo(404);

        HttpBrowser jeanne = new HttpBrowser(PORT);
        jeanne.signInAgent(DemoPeople.agent(DemoPeople.JEANNE));
        HttpResponse<String> refused = jeanne.getWith(photo);
        assertThat(refused.statusCode()).isIn(403, 404);
        assertThat(refused.headers().firstValue("Content-Type")).isNotEqualTo(java.util.Optional.of("image/jpeg"));
        HttpResponse<String> signedOut = new HttpBrowser(PORT).getWith(photo);
        assertThat(signedOut.statusCode()).isNotEqualTo(200);
        assertThat(signedOut.headers().firstValue("Content-Type")).isNotEqualTo(java.util.Optional.of("image/jpeg"));
    }

    /** The value of the radio "the photo's place" on a step 2 page. */
    private static String photoPlace(HttpResponse<String> page) {
        Matcher m = Pattern.compile("id=\"lieu-photo-oui\" name=\"lieu-photo\"[^>]*value=\"([0-9.]+,[0-9.]+)\"")
                .matcher(page.body());
        assertThat(m.find()).as("the photo's place is proposed: " + page.body()).isTrue();
        return m.group(1);
    }

    /** The report a filing redirected to, as its team's agent sees it. */
    private Report agentView(HttpResponse<String> filed) {
        ReportId id = ReportId.parse(filed.uri().getPath().substring("/signalements/".length()));
        var agent = org.opengru.core.principal.Principal.agent(
                Commune.TENANT, DemoPeople.LINH, java.util.Set.of(Commune.PROPRETE, Commune.URBANISME));
        return reports.report(agent, id);
    }

    static byte[] jpegAt(Double lat, Double lon) {
        return TestPhotos.jpegAt(lat, lon);
    }

    private Report file(org.opengru.core.id.UsagerId who, GeoPoint where, String text) {
        return reports.file(ReportDraft.by(Commune.TENANT, Reporter.resident(who), "test-merge")
                        .category("voirie")
                        .at(where)
                        .description(text))
                .report();
    }

    private static HttpResponse<String> step1(
            HttpBrowser who, HttpResponse<String> form, String category, String address) {
        return who.postForm(
                "/signalements/nouveau",
                Map.of(
                        "_csrf",
                        HttpBrowser.csrf(form),
                        "categorie",
                        category,
                        "adresse",
                        address,
                        "lat",
                        "",
                        "lon",
                        ""));
    }

    private int publicCount() {
        return reports.publicReports(Commune.TENANT, 1000).size();
    }

    /** The secret of the last verification link e-mailed to {@code to}. */
    static String verificationToken(DemoMailServer mail, String to) throws Exception {
        MimeMessage m = Arrays.stream(mail.server().getReceivedMessages())
                .filter(x -> {
                    try {
                        return x.getAllRecipients()[0].toString().equals(to);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no verification e-mail to " + to));
        Matcher link = LINK.matcher(m.getContent().toString());
        assertThat(link.find()).as("the verification link").isTrue();
        return link.group(1);
    }
}
