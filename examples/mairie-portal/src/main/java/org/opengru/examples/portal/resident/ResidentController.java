package org.opengru.examples.portal.resident;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.RequiredPiece;
import org.opengru.core.error.GruException;
import org.opengru.core.exchange.Message;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.ActionInput;
import org.opengru.core.request.ProvidedPiece;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestQuery;
import org.opengru.core.rgpd.SubjectAccess;
import org.opengru.core.timeline.Timeline;
import org.opengru.core.usager.Household;
import org.opengru.core.usager.HouseholdMember;
import org.opengru.core.usager.Representations;
import org.opengru.documents.ingest.UploadRejectedException;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentId;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.commune.Confirmation;
import org.opengru.examples.portal.commune.FileRefusals;
import org.opengru.examples.portal.commune.FormErrors;
import org.opengru.examples.portal.commune.FormFields;
import org.opengru.examples.portal.commune.Labels;
import org.opengru.examples.portal.commune.ResidentProblems;
import org.opengru.examples.portal.signin.CurrentUser;
import org.opengru.examples.portal.signin.PortalUser;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The resident's space: profile, household, documents, requests, messages and complements. */
@Controller
class ResidentController {

    private final GruCore core;
    private final DocumentVault vault;
    private final RequestFiles files;
    private final Appointments appointments;
    private final Representations representations;
    private final Timeline timeline;
    private final SubjectAccess subjectAccess;
    private final Labels labels;

    ResidentController(
            GruCore core,
            DocumentVault vault,
            RequestFiles files,
            Appointments appointments,
            Timeline timeline,
            SubjectAccess subjectAccess,
            Labels labels) {
        this.core = core;
        this.vault = vault;
        this.files = files;
        this.appointments = appointments;
        this.timeline = timeline;
        this.subjectAccess = subjectAccess;
        this.labels = labels;
        this.representations = new Representations(core.usagers(), core.mandates());
    }

    /** A member of one of the resident's households, and whether the resident may file for them. */
    public record Member(UsagerId id, String name, String role, boolean me, boolean mayFileFor) {}

    @GetMapping("/mon-espace")
    String mySpace(HttpSession session, Model model) {
        PortalUser user = CurrentUser.resident(session);
        UsagerPrincipal me = user.usager();
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        model.addAttribute(
                "person", core.usagers().find(Commune.TENANT, me.usager()).orElse(null));
        List<Household> households = core.usagers().householdsOf(Commune.TENANT, me.usager());
        model.addAttribute("households", households);
        Map<String, List<Member>> members = new LinkedHashMap<>();
        var actsFor = representations.actsFor(
                Commune.TENANT, me.usager(), core.clock().instant());
        for (Household h : households) {
            List<Member> list = new ArrayList<>();
            for (HouseholdMember m : h.members()) {
                boolean self = m.person().equals(me.usager());
                list.add(new Member(
                        m.person(), labels.name(m.person()), role(m), self, !self && actsFor.contains(m.person())));
            }
            members.put(h.id().toString(), list);
        }
        model.addAttribute("members", members);
        List<Request> requests = core.requests().list(me, RequestQuery.firstPage());
        model.addAttribute("requests", requests);
        model.addAttribute("names", names(requests));
        model.addAttribute("documents", vault.vaultOf(me, me.usager()));
        model.addAttribute("appointments", appointments.of(me.usager()));
        // The 360° view across requests, messages, appointments and documents, newest first.
        model.addAttribute(
                "history", timeline.page(Commune.TENANT, me.usager(), null, 20).entries());
        return "resident/mon-espace";
    }

    /** Everything the commune holds on the resident, as one JSON file (RGPD art. 15 and 20). */
    @GetMapping("/mon-espace/mes-donnees")
    ResponseEntity<String> myData(HttpSession session) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mes-donnees.json\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(subjectAccess.export(Commune.TENANT, me.usager()));
    }

    /** The same, as a page in plain French to read or print (RGPD art. 15). */
    @GetMapping("/mon-espace/mes-donnees/lisible")
    ResponseEntity<String> myDataReadable(HttpSession session) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("X-Content-Type-Options", "nosniff")
                .body(subjectAccess.exportReadable(Commune.TENANT, me.usager(), "/css/portal.css"));
    }

    private static String role(HouseholdMember m) {
        return switch (m.relationship()) {
            case CHILD -> "enfant";
            case RESPONSIBLE_ADULT -> "responsable du foyer";
            case SPOUSE_OR_PARTNER -> "conjoint ou partenaire";
            case OTHER_ADULT -> "adulte du foyer";
        };
    }

    // ---- documents ------------------------------------------------------------------------------

    @PostMapping("/mes-documents")
    String upload(
            @RequestParam String type,
            @RequestParam("fichier") MultipartFile file,
            HttpSession session,
            RedirectAttributes redirect) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        String name = file.getOriginalFilename() == null ? "document" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            vault.upload(
                    me,
                    me.usager(),
                    DocumentTypeCode.of(type),
                    DocumentFacts.issued(vault.today()),
                    Channel.WEB,
                    UploadRequest.of(name).withDeclaredSize(file.getSize()),
                    in);
            redirect.addFlashAttribute("notice", "Votre document a été enregistré dans votre espace.");
        } catch (UploadRejectedException e) {
            redirect.addFlashAttribute("documentType", type);
            return documentRefused(
                    redirect,
                    "fichier",
                    "Fichier : le fichier n'a pas été accepté, " + FileRefusals.french(e)
                            + ". Choisissez un autre fichier.");
        } catch (GruException e) {
            // The type is the only other thing the form sends: a type the vault does not know is said there.
            boolean aboutType = e instanceof org.opengru.core.error.ValidationException v
                    && v.violations().stream()
                            .anyMatch(x ->
                                    x.field().toLowerCase(java.util.Locale.ROOT).contains("type"));
            return documentRefused(
                    redirect,
                    aboutType ? "type" : null,
                    (aboutType ? "Type de document : " : "") + ResidentProblems.french(e) + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/mon-espace#documents";
    }

    /** Back to "Mon espace" with the document form's error at its field; the file is to be chosen again. */
    private static String documentRefused(RedirectAttributes redirect, @Nullable String field, String error) {
        redirect.addFlashAttribute("errors", new FormErrors().add(field, error));
        redirect.addFlashAttribute("errorsHeading", "Le document n'a pas été enregistré");
        return "redirect:/mon-espace";
    }

    @GetMapping("/mes-documents/{id}")
    ResponseEntity<InputStreamResource> download(@PathVariable String id, HttpSession session) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Document d = vault.find(me, DocumentId.parse(id));
        return RequestFiles.respond(vault.download(me, d.id(), d.current().number()));
    }

    // ---- following a request -----------------------------------------------------------------------

    @GetMapping("/mes-demandes/{id}")
    String request(@PathVariable String id, HttpSession session, Model model) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Request r = core.requests().get(me, RequestId.parse(id));
        Procedure procedure =
                core.procedures().find(Commune.TENANT, r.procedure()).orElseThrow();
        model.addAttribute("request", r);
        model.addAttribute("procedure", procedure);
        model.addAttribute("beneficiaryName", r.beneficiary() == null ? null : labels.name(r.beneficiary()));
        model.addAttribute("history", core.requests().history(me, r.id()));
        List<Message> thread = new ArrayList<>(core.exchanges().thread(me, r.id()));
        thread.sort(Comparator.comparing(Message::postedAt));
        model.addAttribute("messages", thread);
        model.addAttribute("actions", core.requests().permittedActions(me, r.id()));
        model.addAttribute("values", FormFields.display(r.data()));
        model.addAttribute("pieces", files.pieces(me, r, procedure));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "resident/demande";
    }

    /** A file of the request (a piece, or one sent with a message), through the vault's access policy. */
    @GetMapping("/mes-demandes/{id}/fichier")
    ResponseEntity<InputStreamResource> file(@PathVariable String id, @RequestParam String ref, HttpSession session) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        return files.download(me, core.requests().get(me, RequestId.parse(id)), ref);
    }

    @PostMapping("/mes-demandes/{id}/messages")
    String message(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String message,
            @RequestParam(name = "fichier", required = false) @Nullable MultipartFile file,
            HttpSession session,
            RedirectAttributes redirect) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Request r = core.requests().get(me, RequestId.parse(id));
        boolean withFile = RequestFiles.chosen(file);
        if (message.isBlank() && !withFile) {
            return refused(
                    redirect,
                    id,
                    "Votre message n'a pas été envoyé",
                    new FormErrors().add("message", "Message : écrivez votre message, ou joignez un fichier."));
        }
        try {
            files.post(me, r, Visibility.SHARED, message, file);
            redirect.addFlashAttribute(
                    "notice",
                    withFile ? "Votre message et son fichier ont été envoyés." : "Votre message a été envoyé.");
        } catch (UploadRejectedException e) {
            redirect.addFlashAttribute("draftMessage", message);
            return refused(
                    redirect,
                    id,
                    "Votre message n'a pas été envoyé",
                    new FormErrors()
                            .add(
                                    "message-fichier",
                                    "Fichier : le fichier n'a pas été accepté, " + FileRefusals.french(e)
                                            + ". Envoyez le message sans fichier ou choisissez un autre fichier."));
        } catch (GruException e) {
            // Too long, say: said at the message's box, the text kept.
            redirect.addFlashAttribute("draftMessage", message.length() > 20_000 ? "" : message);
            return refused(
                    redirect,
                    id,
                    "Votre message n'a pas été envoyé",
                    new FormErrors().add("message", "Message : " + ResidentProblems.french(e) + "."));
        }
        return "redirect:/mes-demandes/" + id + "#messages";
    }

    @PostMapping("/mes-demandes/{id}/complement")
    String complement(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String message,
            MultipartHttpServletRequest multipart,
            HttpSession session,
            RedirectAttributes redirect) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Request r = core.requests().get(me, RequestId.parse(id));
        Procedure procedure =
                core.procedures().find(Commune.TENANT, r.procedure()).orElseThrow();
        try {
            Map<DocumentTypeCode, MultipartFile> uploads = new LinkedHashMap<>();
            for (RequiredPiece piece : procedure.pieces()) {
                MultipartFile upload = multipart.getFile("piece_" + piece.type().value());
                if (RequestFiles.chosen(upload)) {
                    uploads.put(piece.type(), upload);
                }
            }
            MultipartFile other = multipart.getFile("fichier");
            // All the files or none: the message (and its own file) goes only once every piece is accepted.
            List<ProvidedPiece> added = files.attachPieces(me, r, uploads, () -> {
                if (!message.isBlank() || RequestFiles.chosen(other)) {
                    files.post(me, r, Visibility.SHARED, message, other);
                }
            });
            List<ProvidedPiece> pieces = new ArrayList<>(r.pieces());
            pieces.removeIf(p -> added.stream().anyMatch(a -> a.type().equals(p.type())));
            pieces.addAll(added);
            core.requests().provideComplement(me, r.id(), ActionInput.content(r.data(), pieces), null);
            redirect.addFlashAttribute("notice", "Vos compléments ont été envoyés à la mairie.");
        } catch (RequestFiles.PieceRefusedException e) {
            String label = procedure.pieces().stream()
                    .filter(p -> p.type().equals(e.piece()))
                    .map(RequiredPiece::label)
                    .findFirst()
                    .orElse("Pièce");
            return complementFileRefused(redirect, id, "piece_" + e.piece().value(), label, e.reason());
        } catch (UploadRejectedException e) {
            return complementFileRefused(redirect, id, "complement-fichier", "Autre fichier", e);
        } catch (GruException e) {
            return refused(
                    redirect,
                    id,
                    COMPLEMENT_NOT_SENT,
                    new FormErrors()
                            .add(null, "Les compléments n'ont pas été envoyés : " + ResidentProblems.french(e) + "."));
        }
        return "redirect:/mes-demandes/" + id;
    }

    private static final String COMPLEMENT_NOT_SENT = "Les compléments n'ont pas été envoyés";

    /** A complement's file refused: the error at its input; every file is to be chosen again. */
    private static String complementFileRefused(
            RedirectAttributes redirect, String id, String field, String label, UploadRejectedException e) {
        return refused(
                redirect,
                id,
                COMPLEMENT_NOT_SENT,
                new FormErrors()
                        .add(
                                field,
                                label + " : le fichier n'a pas été accepté, " + FileRefusals.french(e)
                                        + ". Choisissez un autre fichier (les fichiers choisis sont à choisir à"
                                        + " nouveau)."));
    }

    /** Back to the request page with the form's errors at their fields, and the summary's heading. */
    private static String refused(RedirectAttributes redirect, String id, String heading, FormErrors errors) {
        redirect.addFlashAttribute("errors", errors);
        redirect.addFlashAttribute("errorsHeading", heading);
        return "redirect:/mes-demandes/" + id;
    }

    /** Withdrawing cannot be undone: the first post shows what it does, the confirmed one does it. */
    @PostMapping("/mes-demandes/{id}/retirer")
    String withdraw(
            @PathVariable String id,
            @RequestParam Map<String, String> posted,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Request r = core.requests().get(me, RequestId.parse(id));
        if (!Confirmation.given(posted)) {
            model.addAttribute(
                    "confirmation",
                    new Confirmation(
                            "Retirer votre demande ?",
                            "Demande " + r.reference() + " : " + labels.title(r.procedure()),
                            "La mairie arrêtera de la traiter. Vous ne pourrez pas la reprendre : pour la même"
                                    + " démarche, il faudra faire une nouvelle demande.",
                            "/mes-demandes/" + r.id() + "/retirer",
                            Map.of(),
                            "Oui, retirer ma demande",
                            "/mes-demandes/" + r.id()));
            return "confirmation";
        }
        try {
            core.requests().withdraw(me, r.id(), null);
            redirect.addFlashAttribute("notice", "Votre demande a été retirée.");
        } catch (GruException e) {
            redirect.addFlashAttribute(
                    "problem", "Votre demande n'a pas été retirée : " + ResidentProblems.french(e) + ".");
        }
        return "redirect:/mes-demandes/" + r.id();
    }

    /** The accusé de réception électronique, as a file to keep. */
    @GetMapping("/mes-demandes/{id}/accuse-reception")
    ResponseEntity<String> acknowledgment(@PathVariable String id, HttpSession session) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        var ack = core.requests().acknowledgment(me, RequestId.parse(id));
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"accuse-reception-" + ack.reference() + ".html\"")
                .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(ack.html());
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private Map<String, String> names(List<Request> requests) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Request r : requests) {
            if (r.beneficiary() != null) {
                out.put(r.beneficiary().toString(), labels.name(r.beneficiary()));
            }
        }
        return out;
    }
}
