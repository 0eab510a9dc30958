package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opengru.core.GruCore;
import org.opengru.core.audit.AuditEntry;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.ProvidedPiece;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestQuery;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.examples.portal.HttpBrowser.FilePart;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.ApiParticulierSandbox;
import org.opengru.examples.portal.demo.DemoPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The resident's error paths, over plain HTTP as a browser without JavaScript posts them: API Particulier
 * failing (the resident reads why and uploads the certificate instead), a renamed executable sent with a
 * message (refused in French, nothing kept), and filing on behalf of someone one may not act for (403).
 */
class ResidentErrorPathsTest extends RunningPortal {

    static final String CANTINE_FORM = "/demarches/" + Commune.CANTINE;
    static final FilePart CERTIFICATE =
            new FilePart("attestation-caf.pdf", "application/pdf", TestPdf.proofOfAddress());
    static final FilePart PROOF_OF_ADDRESS =
            new FilePart("facture-electricite.pdf", "application/pdf", TestPdf.proofOfAddress());

    @LocalServerPort
    int port;

    @Autowired
    GruCore core;

    @Autowired
    DocumentVault vault;

    @Autowired
    AuditTrail audit;

    @Autowired
    ApiParticulierSandbox sandbox;

    private final UsagerPrincipal claire = Principal.usager(Commune.TENANT, DemoPeople.CLAIRE);
    private HttpBrowser resident;

    @BeforeEach
    void signIn() throws Exception {
        resident = new HttpBrowser(port);
        assertThat(resident.signInResident().uri().getPath()).isEqualTo("/mon-espace");
    }

    @ParameterizedTest
    @CsvSource({
        "PERSON_UNKNOWN, n'ont pas trouvé de dossier allocataire à votre nom",
        "PROVIDER_DOWN, ne répond pas pour le moment",
        "RATE_LIMITED, Trop de demandes ont été faites auprès de la CAF"
    })
    void whenApiParticulierFailsTheResidentReadsWhyAndUploadsTheCertificate(
            ApiParticulierSandbox.Behaviour behaviour, String why) throws Exception {
        HttpResponse<String> form = resident.get(CANTINE_FORM);
        Map<String, String> answers = Map.of(
                "champ_nomEnfant", "Léo Martin",
                "champ_ecole", "ecole-jules-ferry",
                "champ_tarifReduit", "true");
        HttpResponse<String> fetched;
        sandbox.simulate(behaviour);
        try {
            fetched = submit(
                    resident,
                    form,
                    CANTINE_FORM,
                    with(answers, "accord_qf", "oui", "etape", "quotient-familial"),
                    Map.of());
        } finally {
            sandbox.simulate(ApiParticulierSandbox.Behaviour.NORMAL);
        }
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(unescape(fetched.body()))
                .contains(why)
                .contains("Vous pouvez joindre votre attestation de quotient familial ci-dessous")
                .contains("name=\"piece_attestation-caf\"") // the upload is there: no dead end
                .doesNotContain("name=\"preuve_attestation-caf\"");

        HttpResponse<String> sent = submit(
                resident,
                fetched,
                CANTINE_FORM,
                with(answers, "champ_quotientFamilial", "612"),
                Map.of("piece_attestation-caf", CERTIFICATE, "piece_justificatif-domicile", PROOF_OF_ADDRESS));
        assertThat(sent.uri().getPath()).startsWith("/mes-demandes/");
        assertThat(sent.body()).contains("Votre demande est envoyée");
        Request filed = core.requests().get(claire, requestId(sent));
        assertThat(filed.pieces())
                .filteredOn(p -> p.type().value().equals("attestation-caf"))
                .extracting(ProvidedPiece::documentRef)
                .singleElement()
                .satisfies(ref -> assertThat(ref).startsWith("document:"));
        // The refused call is on the request's audit trail, without any data.
        assertThat(audit.entries(Commune.TENANT, filed.id()))
                .map(AuditEntry::record)
                .anySatisfy(r -> {
                    assertThat(r.action()).startsWith("api-particulier:");
                    assertThat(r.details().get("outcome")).isNotEqualTo("ok");
                });
    }

    @Test
    void aRenamedExecutableSentWithAMessageIsRefusedInFrenchAndNothingIsKept() throws Exception {
        HttpResponse<String> filed = submit(
                resident,
                resident.get("/demarches/" + Commune.ACTE_ETAT_CIVIL),
                "/demarches/" + Commune.ACTE_ETAT_CIVIL,
                Map.of(
                        "champ_typeActe", "naissance",
                        "champ_nomPersonne", "Claire Martin",
                        "champ_dateEvenement", "1985-04-12"),
                Map.of());
        RequestId id = requestId(filed);
        String requestPage = "/mes-demandes/" + id;
        int documents = vault.vaultOf(claire, DemoPeople.CLAIRE).size();
        long blobs = blobFiles();
        int messages = core.exchanges().thread(claire, id).size();
        FilePart executable = new FilePart("facture.pdf", "application/pdf", TestPdf.windowsExecutable());

        HttpResponse<String> refused = submit(
                resident,
                resident.get(requestPage),
                requestPage + "/messages",
                Map.of("message", "Voici la facture demandée"),
                Map.of("fichier", executable));

        assertThat(refused.uri().getPath()).isEqualTo(requestPage);
        assertThat(unescape(refused.body()))
                .contains("Votre message n'a pas été envoyé")
                .contains("ce type de fichier n'est pas accepté")
                .contains("Voici la facture demandée"); // kept in the text box, to send again
        assertNothingKept(id, documents, blobs, messages);

        // The same from an agent of the team, to the resident.
        HttpBrowser agent = new HttpBrowser(port);
        assertThat(agent.signInAgent(DemoPeople.agent(DemoPeople.JEANNE)).uri().getPath())
                .isEqualTo("/agent");
        String agentPage = "/agent/demandes/" + id;
        HttpResponse<String> agentRefused = submit(
                agent,
                agent.get(agentPage),
                agentPage + "/messages",
                Map.of("message", "Votre acte", "visibilite", "SHARED"),
                Map.of("fichier", executable));
        assertThat(unescape(agentRefused.body()))
                .contains("Le message n'a pas été envoyé")
                .contains("ce type de fichier n'est pas accepté");
        assertNothingKept(id, documents, blobs, messages);

        // A real PDF goes through.
        HttpResponse<String> sent = submit(
                resident,
                resident.get(requestPage),
                requestPage + "/messages",
                Map.of("message", "Voici la facture demandée"),
                Map.of("fichier", CERTIFICATE));
        assertThat(unescape(sent.body())).contains("Votre message et son fichier ont été envoyés");
        assertThat(core.exchanges().thread(claire, id)).hasSize(messages + 1);
        assertThat(blobFiles()).isEqualTo(blobs + 1);
    }

    /** A complement is all or none: one refused file leaves the other pieces and the message unsent. */
    @Test
    void aComplementWithOneRefusedFileKeepsNeitherTheOtherPieceNorTheMessage() throws Exception {
        FilePart plan = new FilePart("plan.pdf", "application/pdf", TestPdf.proofOfAddress());
        String form = "/demarches/" + Commune.URBANISME_DP;
        HttpResponse<String> filed = submit(
                resident,
                resident.get(form),
                form,
                Map.of(
                        "champ_adresseTerrain", "12 rue des Lilas",
                        "champ_natureTravaux", "cloture",
                        "champ_surface", "0"),
                Map.of("piece_plan-situation", plan, "piece_plan-masse", plan));
        RequestId id = requestId(filed);
        var agent = Principal.agent(Commune.TENANT, DemoPeople.JEANNE, java.util.Set.of(Commune.URBANISME));
        core.requests().startReview(agent, id, null);
        core.requests().requestComplement(agent, id, "Plans illisibles", List.of("plan-masse"), null, null);
        String requestPage = "/mes-demandes/" + id;
        int documents = vault.vaultOf(claire, DemoPeople.CLAIRE).size();
        long blobs = blobFiles();
        int messages = core.exchanges().thread(claire, id).size();
        int attachments = vault.store().attachments(Commune.TENANT, id).size();
        var before = core.requests().get(claire, id);

        HttpResponse<String> refused = submit(
                resident,
                resident.get(requestPage),
                requestPage + "/complement",
                Map.of("message", "Voici les plans"),
                Map.of(
                        "piece_plan-situation",
                        plan,
                        "piece_plan-masse",
                        new FilePart("plan-masse.pdf", "application/pdf", TestPdf.windowsExecutable())));

        assertThat(unescape(refused.body())).contains("Les compléments n'ont pas été envoyés");
        assertThat(vault.vaultOf(claire, DemoPeople.CLAIRE)).hasSize(documents);
        assertThat(blobFiles()).as("no file left on disk").isEqualTo(blobs);
        assertThat(core.exchanges().thread(claire, id)).hasSize(messages);
        assertThat(vault.store().attachments(Commune.TENANT, id)).hasSize(attachments);
        assertThat(core.requests().get(claire, id)).isEqualTo(before);
    }

    private void assertNothingKept(RequestId id, int documents, long blobs, int messages) throws IOException {
        assertThat(vault.vaultOf(claire, DemoPeople.CLAIRE)).hasSize(documents);
        assertThat(blobFiles()).as("no file left on disk").isEqualTo(blobs);
        assertThat(core.exchanges().thread(claire, id)).hasSize(messages);
        assertThat(vault.store().attachments(Commune.TENANT, id)).isEmpty();
        assertThat(vault.store().consents(Commune.TENANT, id)).isEmpty();
    }

    @Test
    void aResidentMayNotFileForSomeoneOutsideWhatHerHouseholdLetsHerDo() throws Exception {
        String form = "/demarches/" + Commune.ACTE_ETAT_CIVIL;
        UsagerPrincipal paul = Principal.usager(Commune.TENANT, DemoPeople.PAUL);
        int paulsRequests = core.requests().list(paul, RequestQuery.firstPage()).size();
        int hers = core.requests().list(claire, RequestQuery.firstPage()).size();

        // Paul is not in her household.
        assertThat(resident.get(form + "?pour=" + DemoPeople.PAUL).statusCode()).isEqualTo(403);
        assertThat(resident.get("/demarches?pour=" + DemoPeople.PAUL).statusCode())
                .isEqualTo(403);
        HttpResponse<String> forged = submit(
                resident,
                resident.get(form),
                form,
                Map.of(
                        "pour", DemoPeople.PAUL.toString(),
                        "champ_typeActe", "naissance",
                        "champ_nomPersonne", "Paul Durand",
                        "champ_dateEvenement", "1979-11-03"),
                Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Accès refusé");
        assertThat(core.requests().list(paul, RequestQuery.firstPage())).hasSize(paulsRequests);
        assertThat(core.requests().list(claire, RequestQuery.firstPage())).hasSize(hers);

        // Her partner is in her household but is an adult: he files his own.
        assertThat(resident.get(form + "?pour=" + DemoPeople.THOMAS).statusCode())
                .isEqualTo(403);
        // Her child: she may.
        HttpResponse<String> forLeo = resident.get(form + "?pour=" + DemoPeople.LEO);
        assertThat(forLeo.statusCode()).isEqualTo(200);
        assertThat(unescape(forLeo.body())).contains("Vous faites cette démarche pour");
    }

    /** At the counter, an agent keys a request in for a resident's child; not for someone outside her household. */
    @Test
    void anAgentKeysInARequestOnBehalfOfAChildOfTheHouseholdButNotOfAStranger() {
        HttpBrowser agent = new HttpBrowser(port);
        agent.signInAgent(DemoPeople.agent(DemoPeople.JEANNE));
        String page = "/agent/saisie?demarche=" + Commune.ACTE_ETAT_CIVIL;
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("_csrf", HttpBrowser.csrf(agent.get(page)));
        fields.put("demarche", Commune.ACTE_ETAT_CIVIL);
        fields.put("jeton", java.util.UUID.randomUUID().toString());
        fields.put("usager", DemoPeople.CLAIRE.toString());
        fields.put("beneficiaire", DemoPeople.LEO.toString());
        fields.put("canal", "COUNTER");
        fields.put("champ_typeActe", "naissance");
        fields.put("champ_nomPersonne", "Léo Martin");
        fields.put("champ_dateEvenement", "2016-05-02");

        HttpResponse<String> keyed = agent.postForm("/agent/saisie", fields);
        assertThat(unescape(keyed.body())).contains("enregistrée pour le compte de l'usager");
        RequestId id = RequestId.parse(keyed.uri().getPath().substring("/agent/demandes/".length()));
        assertThat(core.requests().get(claire, id).beneficiary()).isEqualTo(DemoPeople.LEO);

        int hers = core.requests().list(claire, RequestQuery.firstPage()).size();
        fields.put("_csrf", HttpBrowser.csrf(agent.get(page)));
        fields.put("jeton", java.util.UUID.randomUUID().toString());
        fields.put("beneficiaire", DemoPeople.PAUL.toString());
        HttpResponse<String> refused = agent.postForm("/agent/saisie", fields);
        assertThat(unescape(refused.body())).contains("La demande n'a pas été enregistrée");
        assertThat(core.requests().list(claire, RequestQuery.firstPage())).hasSize(hers);
    }

    /** Posts a form of the page just read, as a browser does: its hidden fields (form and CSRF tokens) and the answers. */
    private static HttpResponse<String> submit(
            HttpBrowser who,
            HttpResponse<String> page,
            String action,
            Map<String, String> fields,
            Map<String, FilePart> files) {
        Map<String, String> all = new java.util.LinkedHashMap<>(HttpBrowser.hiddenFields(page));
        all.putAll(fields);
        return who.postMultipart(action, all, files);
    }

    private static Map<String, String> with(Map<String, String> base, String... more) {
        Map<String, String> out = new java.util.LinkedHashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            out.put(more[i], more[i + 1]);
        }
        return out;
    }

    private static RequestId requestId(HttpResponse<String> filed) {
        String path = filed.uri().getPath();
        assertThat(path).as("sent to the request's page: %s", filed.body()).startsWith("/mes-demandes/");
        return RequestId.parse(path.substring("/mes-demandes/".length()));
    }

    /** Thymeleaf escapes apostrophes in text. */
    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }

    /** Encrypted files in the document store, whatever their directory (temporary uploads excluded). */
    private static long blobFiles() throws IOException {
        Path root = DATA.resolve("documents");
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !root.relativize(p).toString().startsWith(".tmp"))
                    .count();
        }
    }
}
