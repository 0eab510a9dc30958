package org.opengru.examples.portal.agent;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.RequiredPiece;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.GruException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.exchange.Message;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.RequestDeliveries;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.ProvidedPiece;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestAction;
import org.opengru.core.request.RequestQuery;
import org.opengru.core.request.WorkQueuePage;
import org.opengru.core.usager.Household;
import org.opengru.core.usager.Usager;
import org.opengru.documents.ingest.UploadRejectedException;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.commune.Confirmation;
import org.opengru.examples.portal.commune.FileRefusals;
import org.opengru.examples.portal.commune.FormErrors;
import org.opengru.examples.portal.commune.FormFields;
import org.opengru.examples.portal.commune.Labels;
import org.opengru.examples.portal.commune.ResidentProblems;
import org.opengru.examples.portal.resident.Appointments;
import org.opengru.examples.portal.resident.RequestFiles;
import org.opengru.examples.portal.signin.AgentDirectory;
import org.opengru.examples.portal.signin.CurrentUser;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.SiteSetup;
import org.opengru.scheduling.model.SiteId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agents' back-office: work queue per team, 360° view, decisions, keyed-in requests, the day's desks. */
@Controller
class AgentController {

    private static final Logger log = LoggerFactory.getLogger(AgentController.class);

    /** The actions the request page's forms send; anything else is a bad request (400), never a 500. */
    private static final Set<RequestAction> FORM_ACTIONS = EnumSet.of(
            RequestAction.START_REVIEW,
            RequestAction.ACCEPT,
            RequestAction.REJECT,
            RequestAction.CLOSE_WITHOUT_FOLLOW_UP,
            RequestAction.REOPEN,
            RequestAction.REQUEST_COMPLEMENT);

    private final GruCore core;
    private final Appointments appointments;
    private final RequestFiles files;
    private final Labels labels;

    private final RequestDeliveries deliveries;
    private final AgentDirectory directory;

    private final KeyInResidents residents;

    AgentController(
            GruCore core,
            Appointments appointments,
            RequestFiles files,
            Labels labels,
            Outbox outbox,
            KeyInResidents residents,
            AgentDirectory directory) {
        this.core = core;
        this.residents = residents;
        this.directory = directory;
        this.deliveries = new RequestDeliveries(outbox, core.requests(), core.clock());
        this.appointments = appointments;
        this.files = files;
        this.labels = labels;
    }

    /**
     * The work queue: open requests by default ({@code vue=closes} for the closed ones), filtered by the
     * plain GET form's fields, sorted by implicit-decision date or age, one keyset page at a time.
     */
    @GetMapping("/agent")
    String queue(@RequestParam Map<String, String> params, HttpSession session, Model model) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        QueueFilter filter;
        WorkQueuePage page;
        try {
            filter = QueueFilter.of(params, agent, core.clock());
            page = core.requests().workQueue(agent, filter.query());
        } catch (GruException e) {
            // A hand-made or stale link (unknown cursor, a team not theirs): the first page, said plainly.
            log.info("Work queue query refused: {}", e.getMessage());
            filter = QueueFilter.of(
                    Map.of("vue", "closes".equals(params.get("vue")) ? "closes" : ""), agent, core.clock());
            page = core.requests().workQueue(agent, filter.query());
            model.addAttribute("problem", "Ces critères ne sont pas valables : la liste est affichée sans filtre.");
        }
        List<TeamId> teams = agent.teams().stream()
                .sorted(Comparator.comparing(TeamId::value))
                .toList();
        LocalDate today = LocalDate.now(core.clock().withZone(Commune.ZONE));
        Instant now = core.clock().instant();
        List<QueueRow> rows = page.requests().stream()
                .map(r -> QueueRow.of(r, today, now, agent, labels::agent))
                .toList();
        model.addAttribute("filter", filter);
        model.addAttribute("rows", rows);
        model.addAttribute(
                "next", page.next() == null ? null : filter.link(page.next().token()));
        model.addAttribute("teams", teams);
        model.addAttribute("teamNames", Commune.TEAM_NAMES);
        model.addAttribute("channels", QueueFilter.CHANNELS);
        model.addAttribute("statuses", filter.query().view().statuses());
        model.addAttribute(
                "names",
                names(page.requests().stream()
                        .flatMap(r -> r.beneficiary() == null
                                ? java.util.stream.Stream.of(r.applicant())
                                : java.util.stream.Stream.of(r.applicant(), r.beneficiary()))
                        .toList()));
        model.addAttribute("titles", titles());
        model.addAttribute(
                "procedures",
                core.procedures().catalogue(Commune.TENANT).stream()
                        .filter(p -> agent.memberOf(p.team()))
                        .toList());
        return "agent/file";
    }

    /** "Je prends": the agent takes the request in hand, then comes back to the queue they were on. */
    @PostMapping("/agent/demandes/{id}/prendre")
    String take(
            @PathVariable String id,
            @RequestParam(name = "retour", defaultValue = "/agent") String back,
            HttpSession session,
            RedirectAttributes redirect) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        RequestId requestId = RequestId.parse(id); // an id that is not one names nothing: 404
        Request r;
        try {
            r = core.requests().assign(agent, requestId, null);
            redirect.addFlashAttribute("notice", "Vous avez pris la demande " + r.reference() + ".");
        } catch (NotFoundException e) {
            throw e; // no such request: the 404 page
        } catch (GruException e) {
            redirect.addFlashAttribute("problem", "La demande n'a pas été prise : " + refusal(e));
        }
        // Only back to the queue itself: never an address given by the form.
        return "redirect:" + (back.startsWith("/agent?") || back.equals("/agent") ? back : "/agent");
    }

    /** A request with the 360° view of its applicant: identity, household, other requests, appointments. */
    @GetMapping("/agent/demandes/{id}")
    String request(@PathVariable String id, HttpSession session, Model model) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        Request r = core.requests().get(agent, RequestId.parse(id));
        Procedure procedure =
                core.procedures().find(Commune.TENANT, r.procedure()).orElseThrow();
        model.addAttribute("request", r);
        model.addAttribute(
                "row",
                QueueRow.of(
                        r,
                        LocalDate.now(core.clock().withZone(Commune.ZONE)),
                        core.clock().instant(),
                        agent,
                        labels::agent));
        model.addAttribute("procedure", procedure);
        model.addAttribute(
                "deliveries",
                deliveries.of(agent, r.id()).stream().map(DeliveryRow::of).toList());
        model.addAttribute("values", FormFields.display(r.data()));
        model.addAttribute("pieces", files.pieces(agent, r, procedure));
        model.addAttribute("beneficiaryName", r.beneficiary() == null ? null : labels.name(r.beneficiary()));
        model.addAttribute("history", core.requests().history(agent, r.id()));
        List<Message> thread = new ArrayList<>(core.exchanges().thread(agent, r.id()));
        thread.sort(Comparator.comparing(Message::postedAt));
        model.addAttribute("messages", thread);
        model.addAttribute("actions", core.requests().permittedActions(agent, r.id()));
        Usager applicant = core.usagers().find(Commune.TENANT, r.applicant()).orElse(null);
        model.addAttribute("applicant", applicant);
        model.addAttribute("applicantName", labels.name(r.applicant()));
        List<Household> households = core.usagers().householdsOf(Commune.TENANT, r.applicant());
        model.addAttribute("households", households);
        List<UsagerId> members = new ArrayList<>();
        households.forEach(h -> h.members().forEach(m -> members.add(m.person())));
        model.addAttribute("names", names(members));
        model.addAttribute(
                "otherRequests",
                core.requests().list(agent, RequestQuery.firstPage()).stream()
                        .filter(o -> o.applicant().equals(r.applicant()) && !o.id().equals(r.id()))
                        .toList());
        model.addAttribute("titles", titles());
        model.addAttribute("appointments", appointments.of(r.applicant()));
        model.addAttribute("colleagues", r.status().pending() ? colleagues(r) : List.of());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "agent/demande";
    }

    /** The agents of the request's team who do not hold it: whom it can be handed over to. */
    private List<AgentDirectory.Agent> colleagues(Request r) {
        return directory.all().stream()
                .filter(a -> a.teams().contains(r.team()) && !a.id().equals(r.assignee()))
                .sorted(Comparator.comparing(AgentDirectory.Agent::name))
                .toList();
    }

    /** Hands the request over to a colleague of its team (confier); the history says who gave it to whom. */
    @PostMapping("/agent/demandes/{id}/confier")
    String handOver(
            @PathVariable String id,
            @RequestParam(name = "collegue", defaultValue = "") String colleague,
            HttpSession session,
            RedirectAttributes redirect) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        RequestId requestId = RequestId.parse(id);
        AgentDirectory.Agent to = directory.all().stream()
                .filter(a -> a.id().value().equals(colleague))
                .findFirst()
                .orElse(null);
        if (to == null) {
            return handOverRefused(redirect, id, "Collègue : choisissez l'agent à qui confier la demande.");
        }
        Request before = core.requests().get(agent, requestId);
        if (!to.teams().contains(before.team())) {
            return handOverRefused(
                    redirect, id, "Collègue : " + to.name() + " ne fait pas partie de l'équipe qui traite la demande.");
        }
        try {
            Request r = core.requests()
                    .handOver(agent, requestId, Principal.agent(Commune.TENANT, to.id(), to.teams()), null);
            redirect.addFlashAttribute("notice", "La demande " + r.reference() + " est confiée à " + to.name() + ".");
        } catch (AccessDeniedException e) {
            throw e; // the agent himself may not work on it: the French 403 page
        } catch (GruException e) {
            return handOverRefused(redirect, id, "Collègue : " + refusal(e) + ".");
        }
        return "redirect:/agent/demandes/" + id;
    }

    private static String handOverRefused(RedirectAttributes redirect, String id, String error) {
        redirect.addFlashAttribute("errors", new FormErrors().add("collegue", error));
        redirect.addFlashAttribute("errorsHeading", "La demande n'a pas été confiée");
        return "redirect:/agent/demandes/" + id;
    }

    @PostMapping("/agent/demandes/{id}/action")
    String act(
            @PathVariable String id,
            @RequestParam String action,
            @RequestParam(defaultValue = "") String motif,
            @RequestParam(name = "piece", required = false) @Nullable List<String> missing,
            @RequestParam(name = Confirmation.CONFIRMED, defaultValue = "") String confirmed,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        RequestId requestId = RequestId.parse(id);
        RequestAction chosen = FORM_ACTIONS.stream()
                .filter(a -> a.name().equals(action))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown action"));
        if (FINAL_ACTIONS.contains(chosen) && !"oui".equals(confirmed)) {
            if (chosen != RequestAction.ACCEPT && motif.isBlank()) {
                return actionRefused(
                        redirect, id, motifField(chosen), "Motif : écrivez le motif, communiqué à l'usager.");
            }
            model.addAttribute("confirmation", confirmation(agent, requestId, chosen, motif));
            return "confirmation";
        }
        try {
            switch (chosen) {
                case START_REVIEW -> core.requests().startReview(agent, requestId, null);
                case ACCEPT -> core.requests().accept(agent, requestId, null);
                case REJECT -> core.requests().reject(agent, requestId, motif, null);
                case CLOSE_WITHOUT_FOLLOW_UP -> core.requests().closeWithoutFollowUp(agent, requestId, motif, null);
                case REOPEN -> core.requests().reopen(agent, requestId, motif, null);
                case REQUEST_COMPLEMENT ->
                    core.requests()
                            .requestComplement(
                                    agent,
                                    requestId,
                                    motif,
                                    missing == null ? List.of() : missing,
                                    LocalDate.now(core.clock().withZone(Commune.ZONE))
                                            .plusDays(15),
                                    null);
                default -> throw new IllegalStateException("action " + chosen + " is in FORM_ACTIONS but not handled");
            }
            redirect.addFlashAttribute("notice", "C'est fait.");
        } catch (GruException e) {
            // A reason refused (too long, empty) is said at its box; anything else about the request itself.
            boolean aboutReason = e instanceof ValidationException v
                    && v.violations().stream().anyMatch(x -> x.field().contains("reason"));
            String field = aboutReason ? motifField(chosen) : null;
            return actionRefused(
                    redirect, id, field, (field == null ? "" : "Motif : ") + capitalized(refusal(e)) + ".");
        }
        return "redirect:/agent/demandes/" + id;
    }

    /** The id of the reason's box in the action's form, or none (the action has no reason on the page). */
    private static @Nullable String motifField(RequestAction action) {
        return switch (action) {
            case REJECT -> "motif-refus";
            case REQUEST_COMPLEMENT -> "motif-complement";
            default -> null;
        };
    }

    /** Back to the request page with the action's error at its field (or in the summary alone). */
    private static String actionRefused(RedirectAttributes redirect, String id, @Nullable String field, String error) {
        redirect.addFlashAttribute("errors", new FormErrors().add(field, error));
        redirect.addFlashAttribute("errorsHeading", "L'action n'a pas été faite");
        return "redirect:/agent/demandes/" + id;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The decisions the resident is told of and that close the request: asked once more before. */
    private static final Set<RequestAction> FINAL_ACTIONS =
            EnumSet.of(RequestAction.ACCEPT, RequestAction.REJECT, RequestAction.CLOSE_WITHOUT_FOLLOW_UP);

    private Confirmation confirmation(AgentPrincipal agent, RequestId id, RequestAction action, String motif) {
        Request r = core.requests().get(agent, id);
        String about =
                "Demande " + r.reference() + " : " + labels.title(r.procedure()) + ", de " + labels.name(r.applicant());
        String back = "/agent/demandes/" + r.id();
        String post = back + "/action";
        return switch (action) {
            case ACCEPT ->
                new Confirmation(
                        "Accepter cette demande ?",
                        about,
                        "La décision est envoyée à l'usager et la demande est close : elle ne pourra être reprise"
                                + " qu'en la rouvrant, avec un motif.",
                        post,
                        Map.of("action", action.name()),
                        "Oui, accepter la demande",
                        back);
            case REJECT ->
                new Confirmation(
                        "Refuser cette demande ?",
                        about,
                        "Le refus est envoyé à l'usager avec ce motif : « " + motif.strip()
                                + " ». La demande est close.",
                        post,
                        Map.of("action", action.name(), "motif", motif),
                        "Oui, refuser la demande",
                        back);
            default ->
                new Confirmation(
                        "Classer cette demande sans suite ?",
                        about,
                        "L'usager en est informé avec ce motif : « " + motif.strip() + " ». La demande est close.",
                        post,
                        Map.of("action", action.name(), "motif", motif),
                        "Oui, classer sans suite",
                        back);
        };
    }

    /** Sends a dead push of the request's events to the logiciel métier again. */
    @PostMapping("/agent/demandes/{id}/envois/relancer")
    String retryDelivery(
            @PathVariable String id,
            @RequestParam(name = "evenement") String event,
            @RequestParam(name = "destinataire") String subscriber,
            HttpSession session,
            RedirectAttributes redirect) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        try {
            // A malformed event id is a form value, refused in the page; a malformed request id comes back
            // to the request's address, which is the 404 page.
            boolean sent = deliveries.retry(agent, RequestId.parse(id), EventId.parse(event), subscriber);
            if (sent) {
                redirect.addFlashAttribute("notice", "L'envoi au logiciel métier est relancé.");
            } else {
                redirect.addFlashAttribute(
                        "problem", "Cet envoi n'a pas été relancé : il n'est pas en échec définitif, ou trop ancien.");
            }
        } catch (GruException e) {
            redirect.addFlashAttribute("problem", "Cet envoi n'a pas été relancé : " + refusal(e));
        }
        return "redirect:/agent/demandes/" + id;
    }

    /** A file of the request (a piece, or one sent with a message), through the vault's access policy. */
    @GetMapping("/agent/demandes/{id}/fichier")
    ResponseEntity<InputStreamResource> file(@PathVariable String id, @RequestParam String ref, HttpSession session) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        return files.download(agent, core.requests().get(agent, RequestId.parse(id)), ref);
    }

    @PostMapping("/agent/demandes/{id}/messages")
    String message(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String message,
            @RequestParam(defaultValue = "SHARED") String visibilite,
            @RequestParam(name = "fichier", required = false) @Nullable MultipartFile file,
            HttpSession session,
            RedirectAttributes redirect) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        Visibility v = "INTERNAL_NOTE".equals(visibilite) ? Visibility.INTERNAL_NOTE : Visibility.SHARED;
        boolean withFile = RequestFiles.chosen(file);
        if (message.isBlank() && !withFile) {
            return messageRefused(
                    redirect, id, "message", "Message : écrivez le message, ou joignez un fichier pour l'usager.");
        } else if (withFile && v == Visibility.INTERNAL_NOTE) {
            // The file would land in the resident's vault: a note for agents only cannot carry one.
            redirect.addFlashAttribute("draftMessage", message);
            return messageRefused(
                    redirect,
                    id,
                    "message-fichier",
                    "Fichier : un fichier ne peut être joint qu'à un message pour l'usager, pas à une note interne."
                            + " Choisissez « L'usager » ou retirez le fichier (à choisir à nouveau).");
        } else {
            Request r = core.requests().get(agent, RequestId.parse(id));
            try {
                files.post(agent, r, v, message, file);
                redirect.addFlashAttribute(
                        "notice",
                        v == Visibility.INTERNAL_NOTE
                                ? "Note interne enregistrée."
                                : withFile ? "Message et fichier envoyés à l'usager." : "Message envoyé à l'usager.");
            } catch (UploadRejectedException e) {
                redirect.addFlashAttribute("draftMessage", message);
                return messageRefused(
                        redirect,
                        id,
                        "message-fichier",
                        "Fichier : le fichier n'a pas été accepté, " + FileRefusals.french(e)
                                + ". Choisissez un autre fichier, ou enregistrez le message sans fichier.");
            }
        }
        return "redirect:/agent/demandes/" + id + "#messages";
    }

    /**
     * Back to the request page with the message form's error at its field; no {@code #messages} in the
     * address, which would keep the browser from focusing the error summary.
     */
    private static String messageRefused(RedirectAttributes redirect, String id, String field, String error) {
        redirect.addFlashAttribute("errors", new FormErrors().add(field, error));
        redirect.addFlashAttribute("errorsHeading", "Le message n'a pas été envoyé");
        return "redirect:/agent/demandes/" + id;
    }

    // ---- a request received by phone or at the counter ------------------------------------------------

    @GetMapping("/agent/saisie")
    String keyInForm(@RequestParam(required = false) @Nullable String demarche, HttpSession session, Model model) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        Procedure procedure = null;
        if (demarche != null && !demarche.isBlank()) {
            procedure = mine(agent, demarche);
        }
        return keyInPage(
                agent, procedure, Map.of(), new FormErrors(), UUID.randomUUID().toString(), model);
    }

    private String keyInPage(
            AgentPrincipal agent,
            @Nullable Procedure procedure,
            Map<String, String> values,
            FormErrors errors,
            String token,
            Model model) {
        model.addAttribute(
                "procedures",
                core.procedures().catalogue(Commune.TENANT).stream()
                        .filter(p -> agent.memberOf(p.team()))
                        .toList());
        model.addAttribute("residents", names(residents.forAgent(agent)));
        model.addAttribute("formToken", token);
        model.addAttribute("procedure", procedure);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "agent/saisie";
    }

    /** A démarche of one of the agent's teams, or the 404 page (a hand-made or stale address). */
    private Procedure mine(AgentPrincipal agent, String code) {
        ProcedureCode parsed;
        try {
            parsed = ProcedureCode.of(code.strip());
        } catch (GruException e) {
            throw new NotFoundException("procedure", code);
        }
        return core.procedures()
                .latest(Commune.TENANT, parsed)
                .filter(p -> agent.memberOf(p.team()))
                .orElseThrow(() -> new NotFoundException("procedure", code));
    }

    /**
     * A request received by phone or at the counter, recorded in one step by the library: with the pieces
     * the resident handed (paper, kept in the file) it is received complete; without some, it is received
     * incomplete with the list of what is missing and the agent's reason, and the resident is asked for
     * them. When anything is refused the form comes back with the values and the errors, and nothing is
     * recorded (no draft left in the resident's space).
     */
    @PostMapping("/agent/saisie")
    String keyIn(
            @RequestParam Map<String, String> posted, HttpSession session, Model model, RedirectAttributes redirect) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        Procedure p = mine(agent, posted.getOrDefault("demarche", ""));
        String token = posted.getOrDefault("jeton", "");
        if (token.isBlank() || token.length() > 64) {
            token = UUID.randomUUID().toString();
        }
        FormErrors errors = new FormErrors();
        Channel channel = "COUNTER".equals(posted.get("canal")) ? Channel.COUNTER : Channel.PHONE;
        UsagerId applicant = usager(posted.get("usager"), "usager", errors);
        String beneficiaryValue = posted.getOrDefault("beneficiaire", "");
        UsagerId beneficiary = beneficiaryValue.isBlank() || beneficiaryValue.equals(posted.get("usager"))
                ? null
                : usager(beneficiaryValue, "beneficiaire", errors);
        var data = FormFields.read(p, posted);
        FormFields.check(p, data, errors);
        List<ProvidedPiece> handed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String where = "dossier papier, reçu " + labels.channel(channel).toLowerCase(java.util.Locale.FRENCH) + " le "
                + LocalDate.now(core.clock().withZone(Commune.ZONE));
        for (RequiredPiece piece : p.piecesFor(data)) {
            if ("oui".equals(posted.get("remise_" + piece.type().value()))) {
                handed.add(ProvidedPiece.onPaper(piece.type(), where));
            } else {
                missing.add(piece.label());
            }
        }
        String reason = posted.getOrDefault("motif", "").strip();
        if (!missing.isEmpty() && reason.isBlank()) {
            errors.add(
                    "motif",
                    "Pièces manquantes : dites à l'usager ce qu'il doit apporter ou envoyer, ou cochez les pièces remises");
        }
        if (!errors.isEmpty() || applicant == null) {
            return keyInPage(agent, p, posted, errors, token, model);
        }
        NewRequest filed =
                NewRequest.of(p.code().value(), applicant, channel, data).withPieces(handed);
        // Filed for a member of the usager's household: the core checks the usager may act for them.
        if (beneficiary != null) {
            filed = filed.forBeneficiary(beneficiary);
        }
        try {
            Request r = core.requests()
                    .keyIn(
                            agent,
                            filed,
                            missing,
                            missing.isEmpty() ? null : reason,
                            IdempotencyKey.of("agent-" + token));
            redirect.addFlashAttribute(
                    "notice",
                    "Demande " + r.reference() + " enregistrée pour le compte de l'usager"
                            + (missing.isEmpty() ? "." : " : incomplète, les pièces manquantes lui sont demandées."));
            return "redirect:/agent/demandes/" + r.id();
        } catch (GruException e) {
            errors.add(null, "La demande n'a pas été enregistrée : " + refusal(e));
            return keyInPage(agent, p, posted, errors, token, model);
        }
    }

    /** An usager chosen in the form's list, or an error on that field. */
    private static @Nullable UsagerId usager(@Nullable String value, String field, FormErrors errors) {
        try {
            return UsagerId.parse(value == null ? "" : value.strip());
        } catch (GruException | IllegalArgumentException e) {
            errors.add(field, "Choisissez l'usager dans la liste");
            return null;
        }
    }

    // ---- the day's appointments ---------------------------------------------------------------------

    @GetMapping("/agent/rendez-vous")
    String day(
            @RequestParam(required = false) @Nullable String jour,
            @RequestParam(required = false) @Nullable String site,
            HttpSession session,
            Model model) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        List<SiteSetup> mySites =
                appointments.sites().stream().filter(s -> s.handledBy(agent)).toList();
        if (site == null || site.isBlank()) {
            // The agent's first site; with none, the library refuses the first one (403).
            site = (mySites.isEmpty() ? appointments.sites() : mySites)
                    .get(0)
                    .site()
                    .id()
                    .value();
        }
        LocalDate date = jour == null || jour.isBlank()
                ? LocalDate.now(core.clock().withZone(Commune.ZONE))
                : LocalDate.parse(jour);
        SiteId siteId = SiteId.of(site);
        Instant from = date.atStartOfDay(Commune.ZONE).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(Commune.ZONE).toInstant();
        Map<String, List<Booking>> byDesk = new LinkedHashMap<>();
        appointments.site(siteId).resources().forEach(r -> byDesk.put(r.name(), new ArrayList<>()));
        // The library shows an agent the appointments of his own sites only (an AccessDeniedException else).
        for (Booking b : appointments.service().appointments(agent, siteId, from, to)) {
            byDesk.computeIfAbsent(appointments.deskName(siteId, b.resource()), d -> new ArrayList<>())
                    .add(b);
        }
        byDesk.values().forEach(l -> l.sort(Comparator.comparing(Booking::start)));
        List<UsagerId> people = new ArrayList<>();
        byDesk.values().forEach(l -> l.forEach(b -> people.add(b.usager())));
        model.addAttribute("date", date);
        model.addAttribute("site", appointments.site(siteId).site());
        model.addAttribute("sites", mySites);
        model.addAttribute("byDesk", byDesk);
        model.addAttribute("names", names(people));
        model.addAttribute("services", serviceNames(siteId));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "agent/rendez-vous";
    }

    @PostMapping("/agent/rendez-vous/{id}")
    String mark(
            @PathVariable String id,
            @RequestParam String presence,
            @RequestParam String jour,
            @RequestParam String site,
            HttpSession session,
            RedirectAttributes redirect) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        if (!"venu".equals(presence) && !"absent".equals(presence)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "presence is venu or absent");
        }
        try {
            if ("venu".equals(presence)) {
                appointments.service().markAttended(agent, BookingId.parse(id));
            } else {
                appointments.service().markNoShow(agent, BookingId.parse(id));
            }
            redirect.addFlashAttribute("notice", "Présence enregistrée.");
        } catch (GruException e) {
            // At the appointment's row, whose "Venu" button says why and which the summary links to; when
            // the presence was recorded meanwhile (another agent), the row has no button: the summary says it.
            boolean stillBooked =
                    appointments.service().find(agent, BookingId.parse(id)).status()
                            == org.opengru.scheduling.booking.BookingStatus.BOOKED;
            redirect.addFlashAttribute(
                    "errors",
                    new FormErrors().add(stillBooked ? "venu-" + id : null, "Présence : " + refusal(e) + "."));
            redirect.addFlashAttribute("errorsHeading", "La présence n'a pas été enregistrée");
        }
        return "redirect:/agent/rendez-vous?site=" + site + "&jour=" + jour;
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private Map<String, String> serviceNames(SiteId site) {
        Map<String, String> out = new LinkedHashMap<>();
        appointments.site(site).services().forEach(s -> out.put(s.id().value(), s.name()));
        return out;
    }

    private Map<String, String> titles() {
        Map<String, String> out = new LinkedHashMap<>();
        core.procedures()
                .catalogue(Commune.TENANT)
                .forEach(p -> out.put(p.code().value(), p.title()));
        return out;
    }

    private Map<String, String> names(List<UsagerId> ids) {
        Map<String, String> out = new LinkedHashMap<>();
        ids.forEach(id -> out.put(id.toString(), labels.name(id)));
        return out;
    }

    /**
     * Why the library refused, in French: its own message is for the log, as it may name principals and
     * internal states.
     */
    private static String refusal(RuntimeException e) {
        log.info("Agent action refused: {}", e.getMessage());
        return e instanceof GruException gru ? ResidentProblems.french(gru) : "une valeur saisie n'est pas valable";
    }
}
