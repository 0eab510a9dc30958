package org.opengru.examples.portal.resident;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.RequiredPiece;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.GruException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.ActionInput;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.ProvidedPiece;
import org.opengru.core.request.Request;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.Usager;
import org.opengru.documents.ingest.UploadRejectedException;
import org.opengru.documents.reuse.PieceReuse;
import org.opengru.documents.reuse.PieceStatus;
import org.opengru.documents.reuse.ProofAttachment;
import org.opengru.documents.reuse.ReusePlan;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentId;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.commune.FileRefusals;
import org.opengru.examples.portal.commune.FormErrors;
import org.opengru.examples.portal.commune.FormFields;
import org.opengru.examples.portal.commune.Labels;
import org.opengru.examples.portal.commune.ResidentProblems;
import org.opengru.examples.portal.signin.CurrentUser;
import org.opengru.franceconnect.apiparticulier.ProofAttempt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Filing a démarche: for oneself or for a member of one's household (the request's beneficiary),
 * reusing stored documents with consent, or, for the CAF certificate, letting the mairie obtain the
 * quotient familial from the CAF or the MSA through API Particulier.
 */
@Controller
class FilingController {

    /** The submit button that asks for the quotient familial instead of sending the form. */
    static final String FETCH_QUOTIENT = "quotient-familial";

    /** The CAF certificate's file input: where a failed or stale quotient familial sends the resident. */
    private static final String CAF_FIELD = "piece_" + QuotientFamilialSource.CAF_CERTIFICATE.value();

    private final GruCore core;
    private final DocumentVault vault;
    private final PieceReuse reuse;
    private final QuotientFamilialSource quotient;
    private final RequestFiles files;
    private final Representations representations;

    FilingController(
            GruCore core, DocumentVault vault, PieceReuse reuse, QuotientFamilialSource quotient, RequestFiles files) {
        this.core = core;
        this.vault = vault;
        this.reuse = reuse;
        this.quotient = quotient;
        this.files = files;
        this.representations = new Representations(core.usagers(), core.mandates());
    }

    @GetMapping("/demarches")
    String catalogue(@RequestParam(required = false) @Nullable String pour, HttpSession session, Model model) {
        List<Procedure> procedures = core.procedures().catalogue(Commune.TENANT);
        if (pour != null && !pour.isBlank()) {
            Usager beneficiary = beneficiary(CurrentUser.resident(session).usager(), pour);
            if (beneficiary != null) {
                procedures = procedures.stream()
                        .filter(p -> p.openTo().contains(beneficiary.kind()))
                        .toList();
                model.addAttribute("beneficiary", beneficiary);
            }
        }
        model.addAttribute("procedures", procedures);
        return "resident/demarches";
    }

    @GetMapping("/demarches/{code}")
    String form(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String pour,
            HttpSession session,
            Model model) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Procedure procedure = procedure(code);
        Usager beneficiary = beneficiary(me, pour);
        Map<String, String> values = new LinkedHashMap<>();
        if (beneficiary != null
                && procedure.schema().fields().stream().anyMatch(f -> f.name().equals("nomEnfant"))) {
            values.put("champ_nomEnfant", beneficiary.displayName());
        }
        prepareForm(
                model,
                me,
                procedure,
                values,
                new FormErrors(),
                UUID.randomUUID().toString(),
                beneficiary,
                null);
        return "resident/formulaire";
    }

    private void prepareForm(
            Model model,
            UsagerPrincipal me,
            Procedure procedure,
            Map<String, String> values,
            FormErrors errors,
            String formToken,
            @Nullable Usager beneficiary,
            @Nullable ProofAttachment proof) {
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
        model.addAttribute("formToken", formToken);
        model.addAttribute("beneficiary", beneficiary);
        model.addAttribute("quotientOffered", quotient.offeredFor(procedure));
        model.addAttribute("identityChecked", quotient.identityChecked(me));
        model.addAttribute("cafPiece", QuotientFamilialSource.CAF_CERTIFICATE.value());
        model.addAttribute("proof", proof);
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
        Usager beneficiary = beneficiary(me, posted.get("pour"));
        String token = posted.getOrDefault("jeton", "");
        if (token.isBlank() || token.length() > 64) {
            token = UUID.randomUUID().toString();
        }
        // A browser sends no file back: the form says which ones to choose again.
        model.addAttribute("chosenFiles", chosenFiles(multipart));
        if (FETCH_QUOTIENT.equals(posted.get("etape"))) {
            return fetchQuotient(me, procedure, posted, token, beneficiary, model);
        }
        FormErrors errors = new FormErrors();
        ProofAttachment proof = null;
        String proofRef = posted.get("preuve_" + QuotientFamilialSource.CAF_CERTIFICATE.value());
        Map<String, String> values = new LinkedHashMap<>(posted);
        if (proofRef != null && !proofRef.isBlank()) {
            proof = recordedProof(me, procedure, posted.get("brouillon"), proofRef)
                    .orElse(null);
            if (proof == null) {
                errors.add(
                        CAF_FIELD,
                        "Le quotient familial obtenu auprès de la CAF n'est plus disponible : demandez-le à"
                                + " nouveau ou joignez votre attestation.");
            } else {
                values.put("champ_tarifReduit", "true");
                values.put("champ_quotientFamilial", proof.proof().attributes().get("quotient_familial"));
            }
        }
        FormData data = FormFields.read(procedure, values);
        FormFields.check(procedure, data, errors);
        List<RequiredPiece> needed = procedure.piecesFor(data);
        ReusePlan plan = reuse.plan(me, me.usager(), needed);
        Map<RequiredPiece, DocumentId> reused = new LinkedHashMap<>();
        Map<RequiredPiece, MultipartFile> uploads = new LinkedHashMap<>();
        List<ProvidedPiece> proofs = new ArrayList<>();
        for (RequiredPiece piece : needed) {
            MultipartFile upload = multipart.getFile("piece_" + piece.type().value());
            boolean reuseStored =
                    "oui".equals(posted.get("reutiliser_" + piece.type().value()));
            if (proof != null && proof.piece().equals(piece.type())) {
                proofs.add(proof.providedPiece());
            } else if (upload != null && !upload.isEmpty()) {
                uploads.put(piece, upload);
            } else if (reuseStored) {
                plan.byDocument().stream()
                        .filter(p -> p.piece().type().equals(piece.type()))
                        .findFirst()
                        .ifPresentOrElse(
                                p -> reused.put(piece, p.document()),
                                () -> errors.add(
                                        "piece_" + piece.type().value(),
                                        piece.label() + " : aucun document enregistré n'est valable"));
            } else {
                errors.add(
                        "piece_" + piece.type().value(),
                        piece.label() + " : joignez un fichier ou réutilisez un document enregistré");
            }
        }
        if (!reused.isEmpty() && !"oui".equals(posted.get("consentement"))) {
            errors.add("consentement", "Pour réutiliser vos documents enregistrés, cochez la case d'accord");
        }
        if (!errors.isEmpty()) {
            askFilesAgain(errors, uploads);
            prepareForm(model, me, procedure, values, errors, token, beneficiary, proof);
            return "resident/formulaire";
        }
        try {
            Request draft = draft(me, procedure, beneficiary, data, token);
            if (proof != null && !proof.request().equals(draft.id())) {
                throw new NotSent(
                        CAF_FIELD,
                        "Le quotient familial obtenu appartient à une autre demande : demandez-le à"
                                + " nouveau ou joignez votre attestation.");
            }
            List<ProvidedPiece> pieces = new ArrayList<>(attachStored(me, draft, procedure, reused));
            for (Map.Entry<RequiredPiece, MultipartFile> u : uploads.entrySet()) {
                pieces.add(uploadPiece(me, draft, u.getKey(), u.getValue()));
            }
            pieces.addAll(proofs);
            core.requests().edit(me, draft.id(), ActionInput.content(data, pieces), null);
            Request submitted = core.requests().submit(me, draft.id(), null);
            return "redirect:/mes-demandes/" + submitted.id() + "?envoyee";
        } catch (AccessDeniedException e) {
            throw e;
        } catch (NotSent e) {
            FormErrors refused = new FormErrors().add(e.field, e.getMessage());
            askFilesAgain(refused, uploads);
            prepareForm(model, me, procedure, values, refused, token, beneficiary, proof);
            return "resident/formulaire";
        } catch (GruException e) {
            FormErrors refused = new FormErrors().add(null, ResidentProblems.french(e));
            askFilesAgain(refused, uploads);
            prepareForm(model, me, procedure, values, refused, token, beneficiary, proof);
            return "resident/formulaire";
        }
    }

    /**
     * The resident asked for their quotient familial and agreed: the draft request is created (the call
     * is audited on it, and the data is recorded with it), then API Particulier is asked. Whatever the
     * outcome, the form comes back with what was typed, and with the certificate upload when it failed.
     */
    private String fetchQuotient(
            UsagerPrincipal me,
            Procedure procedure,
            Map<String, String> posted,
            String token,
            @Nullable Usager beneficiary,
            Model model) {
        Map<String, String> values = new LinkedHashMap<>(posted);
        if (!"oui".equals(posted.get("accord_qf"))) {
            prepareForm(
                    model,
                    me,
                    procedure,
                    values,
                    new FormErrors()
                            .add(
                                    "accord_qf",
                                    "Pour que la mairie obtienne votre quotient familial auprès de la CAF ou de la"
                                            + " MSA, cochez la case d'accord."),
                    token,
                    beneficiary,
                    null);
            return "resident/formulaire";
        }
        Request draft;
        try {
            draft = draft(me, procedure, beneficiary, FormData.empty(), token);
        } catch (AccessDeniedException e) {
            throw e;
        } catch (GruException e) {
            prepareForm(
                    model,
                    me,
                    procedure,
                    values,
                    new FormErrors().add(null, ResidentProblems.french(e)),
                    token,
                    beneficiary,
                    null);
            return "resident/formulaire";
        }
        ProofAttempt attempt = quotient.fetch(me, draft);
        if (attempt instanceof ProofAttempt.Obtained obtained) {
            ProofAttachment proof = reuse.attachProof(me, me.usager(), draft.id(), obtained.proof());
            values.put("champ_tarifReduit", "true");
            values.put("champ_quotientFamilial", proof.proof().attributes().get("quotient_familial"));
            model.addAttribute(
                    "notice",
                    "Votre quotient familial a été obtenu auprès de "
                            + Labels.organisation(proof)
                            + " : il est repris dans le formulaire. Vous n'avez pas à joindre d'attestation.");
            prepareForm(model, me, procedure, values, new FormErrors(), token, beneficiary, proof);
        } else {
            String problem = QuotientFamilialSource.explain((ProofAttempt.NotObtained) attempt);
            prepareForm(
                    model, me, procedure, values, new FormErrors().add(CAF_FIELD, problem), token, beneficiary, null);
        }
        return "resident/formulaire";
    }

    /** The draft of this form (created once per form token: a second call finds the same one). */
    private Request draft(
            UsagerPrincipal me, Procedure procedure, @Nullable Usager beneficiary, FormData data, String token) {
        NewRequest command = NewRequest.of(procedure.code().value(), me.usager(), Channel.WEB, data);
        if (beneficiary != null) {
            command = command.forBeneficiary(beneficiary.id());
        }
        return core.requests().create(me, command, IdempotencyKey.of("web-" + token));
    }

    /** The proof posted back, if it is recorded with the resident's draft of this démarche. */
    private Optional<ProofAttachment> recordedProof(
            UsagerPrincipal me, Procedure procedure, @Nullable String draftId, String ref) {
        if (draftId == null || draftId.isBlank()) {
            return Optional.empty();
        }
        try {
            Request draft = core.requests().get(me, org.opengru.core.id.RequestId.parse(draftId.strip()));
            if (draft.status() != org.opengru.core.request.RequestStatus.DRAFT
                    || !draft.procedure().code().equals(procedure.code())) {
                return Optional.empty();
            }
            return reuse.proofs(me, draft.id()).stream()
                    .filter(p -> p.documentRef().equals(ref))
                    .findFirst();
        } catch (GruException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Records the consent for this request, then attaches each stored document by reference. */
    private List<ProvidedPiece> attachStored(
            UsagerPrincipal me, Request request, Procedure procedure, Map<RequiredPiece, DocumentId> chosen) {
        if (chosen.isEmpty()) {
            return List.of();
        }
        reuse.consent(me, me.usager(), request.id(), procedure.code(), new HashSet<>(chosen.values()), Channel.WEB);
        List<ProvidedPiece> pieces = new ArrayList<>();
        for (Map.Entry<RequiredPiece, DocumentId> c : chosen.entrySet()) {
            pieces.add(reuse.attach(me, request.id(), c.getKey().type(), c.getValue())
                    .providedPiece());
        }
        return pieces;
    }

    /** A new file for a piece: stored in the applicant's vault and attached, or refused in plain French. */
    private ProvidedPiece uploadPiece(UsagerPrincipal me, Request request, RequiredPiece piece, MultipartFile file) {
        try {
            return files.attachPiece(me, request, piece.type(), file);
        } catch (UploadRejectedException e) {
            throw new NotSent(
                    "piece_" + piece.type().value(),
                    piece.label() + " : le fichier n'a pas été accepté, " + FileRefusals.french(e) + ".");
        }
    }

    /** The request was not sent; the message says why, for the resident. */
    private static final class NotSent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** The id of the field to correct. */
        final transient String field;

        NotSent(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    /**
     * A browser never sends a file back: each file the resident had chosen is asked again, by its name, at
     * its own field, rather than silently lost.
     */
    private static void askFilesAgain(FormErrors errors, Map<RequiredPiece, MultipartFile> uploads) {
        Map<String, String> already = errors.byField();
        uploads.forEach((piece, file) -> {
            String id = "piece_" + piece.type().value();
            if (!already.containsKey(id)) {
                errors.add(id, piece.label() + " : choisissez à nouveau le fichier « " + fileName(file) + " »");
            }
        });
    }

    /** The files chosen in this post, by input name, to say under each input that it must be chosen again. */
    private static Map<String, String> chosenFiles(MultipartHttpServletRequest multipart) {
        Map<String, String> out = new LinkedHashMap<>();
        multipart.getFileMap().forEach((name, file) -> {
            if (name.startsWith("piece_") && !file.isEmpty()) {
                out.put(name, fileName(file));
            }
        });
        return out;
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? "choisi" : name;
    }

    /**
     * The household member (or other usager) the resident files for, when {@code pour} names someone else;
     * a resident who may not act for them gets the 403 page.
     */
    private @Nullable Usager beneficiary(UsagerPrincipal me, @Nullable String pour) {
        if (pour == null || pour.isBlank()) {
            return null;
        }
        UsagerId id;
        try {
            id = UsagerId.parse(pour.strip());
        } catch (IllegalArgumentException | GruException e) {
            throw new NotFoundException("usager", pour);
        }
        if (id.equals(me.usager())) {
            return null;
        }
        if (!representations.mayActFor(
                Commune.TENANT, me.usager(), id, core.clock().instant())) {
            throw new AccessDeniedException(me.toString(), "file a request on behalf of", "usager", id.toString());
        }
        return core.usagers().find(Commune.TENANT, id).orElseThrow(() -> new NotFoundException("usager", pour));
    }

    private Procedure procedure(String code) {
        return core.procedures()
                .latest(Commune.TENANT, ProcedureCode.of(code))
                .orElseThrow(() -> new NotFoundException("procedure", code));
    }
}
