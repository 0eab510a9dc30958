package org.opengru.examples.portal.resident;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.RequiredPiece;
import org.opengru.core.error.GruException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.exchange.Message;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.ActionInput;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.ProvidedPiece;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestQuery;
import org.opengru.core.usager.Household;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.Usager;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.reuse.Attachment;
import org.opengru.documents.reuse.PieceReuse;
import org.opengru.documents.reuse.PieceStatus;
import org.opengru.documents.reuse.ReusePlan;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentId;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.documents.vault.Download;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.commune.FormFields;
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

/** The resident's space: profile, household, documents, requests, filing a démarche, messages, complements. */
@Controller
class ResidentController {

    private final GruCore core;
    private final DocumentVault vault;
    private final PieceReuse reuse;
    private final Appointments appointments;

    ResidentController(GruCore core, DocumentVault vault, PieceReuse reuse, Appointments appointments) {
        this.core = core;
        this.vault = vault;
        this.reuse = reuse;
        this.appointments = appointments;
    }

    @GetMapping("/mon-espace")
    String mySpace(HttpSession session, Model model) {
        PortalUser user = CurrentUser.resident(session);
        UsagerPrincipal me = user.usager();
        model.addAttribute(
                "person", core.usagers().find(Commune.TENANT, me.usager()).orElse(null));
        List<Household> households = core.usagers().householdsOf(Commune.TENANT, me.usager());
        model.addAttribute("households", households);
        Map<String, String> names = new LinkedHashMap<>();
        for (Household h : households) {
            h.members().forEach(m -> names.put(m.person().toString(), nameOf(m.person())));
        }
        names.put(me.usager().toString(), nameOf(me.usager()));
        model.addAttribute("names", names);
        model.addAttribute("documents", vault.vaultOf(me, me.usager()));
        model.addAttribute("requests", core.requests().list(me, RequestQuery.firstPage()));
        model.addAttribute("appointments", appointments.of(me.usager()));
        return "resident/mon-espace";
    }

    // ---- documents ------------------------------------------------------------------------------

    @PostMapping("/mes-documents")
    String upload(
            @RequestParam String type,
            @RequestParam("fichier") MultipartFile file,
            HttpSession session,
            RedirectAttributes redirect) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        try {
            store(me, me.usager(), DocumentTypeCode.of(type), file);
            redirect.addFlashAttribute("notice", "Votre document a été enregistré dans votre espace.");
        } catch (GruException e) {
            redirect.addFlashAttribute("problem", "Le document n'a pas été enregistré : " + e.getMessage());
        }
        return "redirect:/mon-espace#documents";
    }

    @GetMapping("/mes-documents/{id}")
    ResponseEntity<InputStreamResource> download(@PathVariable String id, HttpSession session) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Document d = vault.find(me, DocumentId.parse(id));
        Download download = vault.download(me, d.id(), d.current().number());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, download.contentDisposition())
                .header("Repr-Digest", download.reprDigest())
                .contentType(MediaType.parseMediaType(download.mediaType()))
                .contentLength(download.size())
                .body(new InputStreamResource(download.content()));
    }

    private Document store(UsagerPrincipal me, UsagerId owner, DocumentTypeCode type, MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            String name = file.getOriginalFilename() == null ? "document" : file.getOriginalFilename();
            return vault.upload(
                    me,
                    owner,
                    type,
                    DocumentFacts.issued(vault.today()),
                    Channel.WEB,
                    UploadRequest.of(name).withDeclaredSize(file.getSize()),
                    in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- filing a démarche -------------------------------------------------------------------------

    @GetMapping("/demarches")
    String catalogue(Model model) {
        model.addAttribute("procedures", core.procedures().catalogue(Commune.TENANT));
        return "resident/demarches";
    }

    @GetMapping("/demarches/{code}")
    String form(@PathVariable String code, HttpSession session, Model model) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Procedure procedure = procedure(code);
        prepareForm(model, me, procedure, Map.of(), List.of());
        return "resident/formulaire";
    }

    private void prepareForm(
            Model model, UsagerPrincipal me, Procedure procedure, Map<String, String> values, List<String> errors) {
        ReusePlan plan = reuse.plan(me, me.usager(), procedure.pieces());
        Map<String, PieceStatus> byType = new LinkedHashMap<>();
        for (PieceStatus s : plan.pieces()) {
            byType.put(s.piece().type().value(), s);
        }
        Map<String, String> storedNames = new LinkedHashMap<>();
        for (PieceStatus.ByDocument d : plan.byDocument()) {
            Document doc = vault.find(me, d.document());
            storedNames.put(d.piece().type().value(), doc.current().fileName().toString());
        }
        model.addAttribute("procedure", procedure);
        model.addAttribute("plan", byType);
        model.addAttribute("storedNames", storedNames);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("formToken", UUID.randomUUID().toString());
    }

    @PostMapping("/demarches/{code}")
    String file(
            @PathVariable String code,
            @RequestParam Map<String, String> posted,
            MultipartHttpServletRequest multipart,
            HttpSession session,
            Model model) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Procedure procedure = procedure(code);
        FormData data = FormFields.read(procedure, posted);
        List<String> errors = new ArrayList<>();
        try {
            procedure.schema().validate(data, true);
        } catch (ValidationException e) {
            e.violations().forEach(v -> errors.add(fieldLabel(procedure, v.field()) + " : " + v.reason()));
        }
        List<RequiredPiece> needed = procedure.piecesFor(data);
        ReusePlan plan = reuse.plan(me, me.usager(), needed);
        Map<RequiredPiece, DocumentId> reused = new LinkedHashMap<>();
        Map<RequiredPiece, MultipartFile> uploads = new LinkedHashMap<>();
        for (RequiredPiece piece : needed) {
            MultipartFile upload = multipart.getFile("piece_" + piece.type().value());
            boolean reuseStored =
                    "oui".equals(posted.get("reutiliser_" + piece.type().value()));
            if (upload != null && !upload.isEmpty()) {
                uploads.put(piece, upload);
            } else if (reuseStored) {
                plan.byDocument().stream()
                        .filter(p -> p.piece().type().equals(piece.type()))
                        .findFirst()
                        .ifPresentOrElse(
                                p -> reused.put(piece, p.document()),
                                () -> errors.add(piece.label() + " : aucun document enregistré n'est valable"));
            } else {
                errors.add(piece.label() + " : joignez un fichier ou réutilisez un document enregistré");
            }
        }
        if (!reused.isEmpty() && !"oui".equals(posted.get("consentement"))) {
            errors.add("Pour réutiliser vos documents enregistrés, cochez la case d'accord");
        }
        if (!errors.isEmpty()) {
            prepareForm(model, me, procedure, posted, errors);
            return "resident/formulaire";
        }
        try {
            String token = posted.getOrDefault("jeton", UUID.randomUUID().toString());
            Request draft = core.requests()
                    .create(me, NewRequest.of(code, me.usager(), Channel.WEB, data), IdempotencyKey.of("web-" + token));
            Map<RequiredPiece, DocumentId> chosen = new LinkedHashMap<>(reused);
            for (Map.Entry<RequiredPiece, MultipartFile> u : uploads.entrySet()) {
                chosen.put(
                        u.getKey(),
                        store(me, me.usager(), u.getKey().type(), u.getValue()).id());
            }
            List<ProvidedPiece> pieces = attach(me, draft.id(), procedure, chosen);
            core.requests().edit(me, draft.id(), ActionInput.content(data, pieces), null);
            Request submitted = core.requests().submit(me, draft.id(), null);
            return "redirect:/mes-demandes/" + submitted.id() + "?envoyee";
        } catch (GruException e) {
            prepareForm(model, me, procedure, posted, List.of(e.getMessage()));
            return "resident/formulaire";
        }
    }

    /** Records the consent for this request, then attaches each document by reference. */
    private List<ProvidedPiece> attach(
            UsagerPrincipal me, RequestId request, Procedure procedure, Map<RequiredPiece, DocumentId> chosen) {
        if (chosen.isEmpty()) {
            return List.of();
        }
        reuse.consent(me, me.usager(), request, procedure.code(), new HashSet<>(chosen.values()), Channel.WEB);
        List<ProvidedPiece> pieces = new ArrayList<>();
        for (Map.Entry<RequiredPiece, DocumentId> c : chosen.entrySet()) {
            Attachment a = reuse.attach(me, request, c.getKey().type(), c.getValue());
            pieces.add(new ProvidedPiece(c.getKey().type(), a.documentRef()));
        }
        return pieces;
    }

    // ---- following a request -----------------------------------------------------------------------

    @GetMapping("/mes-demandes/{id}")
    String request(@PathVariable String id, HttpSession session, Model model) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Request r = core.requests().get(me, RequestId.parse(id));
        model.addAttribute("request", r);
        model.addAttribute(
                "procedure",
                core.procedures().find(Commune.TENANT, r.procedure()).orElseThrow());
        model.addAttribute("history", core.requests().history(me, r.id()));
        List<Message> thread = new ArrayList<>(core.exchanges().thread(me, r.id()));
        thread.sort(Comparator.comparing(Message::postedAt));
        model.addAttribute("messages", thread);
        model.addAttribute("actions", core.requests().permittedActions(me, r.id()));
        model.addAttribute("values", FormFields.display(r.data()));
        return "resident/demande";
    }

    @PostMapping("/mes-demandes/{id}/messages")
    String message(
            @PathVariable String id, @RequestParam String message, HttpSession session, RedirectAttributes redirect) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        if (message.isBlank()) {
            redirect.addFlashAttribute("problem", "Votre message est vide.");
        } else {
            core.exchanges()
                    .post(me, RequestId.parse(id), Visibility.SHARED, message.strip(), List.of(), Channel.WEB, null);
            redirect.addFlashAttribute("notice", "Votre message a été envoyé.");
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
            Map<RequiredPiece, DocumentId> chosen = new LinkedHashMap<>();
            for (RequiredPiece piece : procedure.pieces()) {
                MultipartFile upload = multipart.getFile("piece_" + piece.type().value());
                if (upload != null && !upload.isEmpty()) {
                    chosen.put(
                            piece,
                            store(me, r.applicant(), piece.type(), upload).id());
                }
            }
            List<ProvidedPiece> pieces = new ArrayList<>(r.pieces());
            List<ProvidedPiece> added = attach(me, r.id(), procedure, chosen);
            pieces.removeIf(p -> added.stream().anyMatch(a -> a.type().equals(p.type())));
            pieces.addAll(added);
            if (!message.isBlank()) {
                core.exchanges().post(me, r.id(), Visibility.SHARED, message.strip(), List.of(), Channel.WEB, null);
            }
            core.requests().provideComplement(me, r.id(), ActionInput.content(r.data(), pieces), null);
            redirect.addFlashAttribute("notice", "Vos compléments ont été envoyés à la mairie.");
        } catch (GruException e) {
            redirect.addFlashAttribute("problem", "Les compléments n'ont pas été envoyés : " + e.getMessage());
        }
        return "redirect:/mes-demandes/" + id;
    }

    @PostMapping("/mes-demandes/{id}/retirer")
    String withdraw(@PathVariable String id, HttpSession session, RedirectAttributes redirect) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        core.requests().withdraw(me, RequestId.parse(id), null);
        redirect.addFlashAttribute("notice", "Votre demande a été retirée.");
        return "redirect:/mes-demandes/" + id;
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

    private Procedure procedure(String code) {
        return core.procedures()
                .latest(Commune.TENANT, ProcedureCode.of(code))
                .orElseThrow(() -> new NotFoundException("procedure", code));
    }

    private static String fieldLabel(Procedure p, @Nullable String field) {
        if (field == null) {
            return "Formulaire";
        }
        String name = field.startsWith("data.") ? field.substring(5) : field;
        return p.schema().fields().stream()
                .filter(f -> f.name().equals(name))
                .map(f -> f.label())
                .findFirst()
                .orElse(name);
    }

    private String nameOf(UsagerId id) {
        Usager u = core.usagers().find(Commune.TENANT, id).orElse(null);
        if (u instanceof Person p) {
            return p.displayName();
        }
        return u instanceof Household h ? h.label() : id.toString();
    }
}
