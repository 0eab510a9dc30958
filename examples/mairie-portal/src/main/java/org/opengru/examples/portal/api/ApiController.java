package org.opengru.examples.portal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.id.RequestId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.ActionInput;
import org.opengru.core.request.HistoryEntry;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestQuery;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.resident.Appointments;
import org.opengru.scheduling.availability.Slot;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The portal's operations as JSON, for a mobile app or the commune's back-office software. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "OpenGRU", description = "Démarches, demandes, échanges et rendez-vous de la commune")
@SecurityScheme(name = "jeton", type = SecuritySchemeType.HTTP, scheme = "bearer")
@SecurityRequirement(name = "jeton")
class ApiController {

    private final GruCore core;
    private final Appointments appointments;
    private final String webhookSubscriber;

    ApiController(GruCore core, Appointments appointments, ApiTokens tokens) {
        this.core = core;
        this.appointments = appointments;
        this.webhookSubscriber = tokens.webhookSubscriber();
    }

    /** A démarche of the catalogue. */
    record ProcedureView(String code, int version, String title, String team, List<String> pieces) {
        static ProcedureView of(Procedure p) {
            return new ProcedureView(
                    p.code().value(),
                    p.version(),
                    p.title(),
                    p.team().value(),
                    p.pieces().stream().map(x -> x.type().value()).toList());
        }
    }

    /** A request as the API shows it. */
    record RequestView(
            String id,
            String reference,
            String procedure,
            int procedureVersion,
            String team,
            String applicant,
            String status,
            String channel,
            long version,
            Map<String, Object> data,
            List<String> pieces,
            Instant createdAt,
            @Nullable Instant receivedAt,
            @Nullable LocalDate implicitDecisionDate) {
        static RequestView of(Request r) {
            return new RequestView(
                    r.id().toString(),
                    r.reference().toString(),
                    r.procedure().code().value(),
                    r.procedure().version(),
                    r.team().value(),
                    r.applicant().toString(),
                    r.status().name(),
                    r.intake().channel().name(),
                    r.version(),
                    r.data().asMap(),
                    r.pieces().stream().map(p -> p.documentRef()).toList(),
                    r.createdAt(),
                    r.receivedAt(),
                    r.deadline() == null ? null : r.deadline().date());
        }
    }

    record HistoryView(
            int sequence,
            Instant at,
            String actor,
            String action,
            String to,
            @Nullable String reason) {
        /** An agent reads who acted; a resident reads herself as such and others by their role only. */
        static HistoryView of(HistoryEntry h, Principal reader) {
            String actor = reader instanceof UsagerPrincipal && !h.actor().equals(reader.ref())
                    ? h.actor().kind().name()
                    : h.actor().toString();
            return new HistoryView(h.sequence(), h.at(), actor, h.action().name(), h.to().name(), h.reason());
        }
    }

    record NewRequestBody(String procedure, Map<String, Object> data) {}

    record ActionBody(
            String action,
            @Nullable String reason,
            @Nullable List<String> missing) {}

    record MessageBody(String body, @Nullable String visibility) {}

    record SlotView(Instant start, Instant end, int freeDesks) {}

    record BookingBody(
            String site,
            String service,
            Instant start,
            @Nullable String antsNumber) {}

    record BookingView(String id, String site, String service, String desk, Instant start, String status) {}

    record WebhookView(String subscriber, String schema, String signatureHeader) {}

    @ApiScope(ApiTokens.Scope.READ)
    @GetMapping("/demarches")
    @Operation(summary = "Le catalogue des démarches de la commune")
    List<ProcedureView> procedures() {
        return core.procedures().catalogue(Commune.TENANT).stream()
                .map(ProcedureView::of)
                .toList();
    }

    @ApiScope(ApiTokens.Scope.READ)
    @GetMapping("/demandes")
    @Operation(summary = "Les demandes visibles par l'appelant (les siennes, ou celles de ses équipes)")
    List<RequestView> requests(@RequestAttribute(ApiAuthentication.PRINCIPAL) Principal who) {
        return core.requests().list(who, RequestQuery.firstPage()).stream()
                .map(RequestView::of)
                .toList();
    }

    @ApiScope(ApiTokens.Scope.READ)
    @GetMapping("/demandes/{id}")
    @Operation(summary = "Une demande")
    RequestView request(@RequestAttribute(ApiAuthentication.PRINCIPAL) Principal who, @PathVariable String id) {
        return RequestView.of(core.requests().get(who, RequestId.parse(id)));
    }

    @ApiScope(ApiTokens.Scope.READ)
    @GetMapping("/demandes/{id}/historique")
    @Operation(summary = "L'historique d'une demande")
    List<HistoryView> history(@RequestAttribute(ApiAuthentication.PRINCIPAL) Principal who, @PathVariable String id) {
        return core.requests().history(who, RequestId.parse(id)).stream()
                .map(h -> HistoryView.of(h, who))
                .toList();
    }

    @PostMapping("/demandes")
    @Operation(summary = "Déposer une demande (usager connecté) ; Idempotency-Key recommandé")
    ResponseEntity<RequestView> file(
            @RequestAttribute(ApiAuthentication.PRINCIPAL) Principal who,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestBody NewRequestBody body) {
        if (!(who instanceof UsagerPrincipal me)) {
            throw new AccessDeniedException(who.toString(), "file a request as", "usager", "-");
        }
        FormData data = FormData.of(body.data());
        Request draft = core.requests()
                .create(
                        me,
                        NewRequest.of(body.procedure(), me.usager(), Channel.MOBILE_APP, data),
                        key == null ? null : IdempotencyKey.of(key));
        if (draft.status() == org.opengru.core.request.RequestStatus.DRAFT) {
            core.requests().edit(me, draft.id(), ActionInput.content(data, List.of()), null);
            draft = core.requests().submit(me, draft.id(), null);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(RequestView.of(draft));
    }

    @ApiScope(ApiTokens.Scope.DECIDE)
    @PostMapping("/demandes/{id}/actions")
    @Operation(summary = "Faire avancer une demande : START_REVIEW, REQUEST_COMPLEMENT, ACCEPT, REJECT, WITHDRAW…")
    RequestView act(
            @RequestAttribute(ApiAuthentication.PRINCIPAL) Principal who,
            @PathVariable String id,
            @RequestBody ActionBody body) {
        RequestId requestId = RequestId.parse(id);
        Request r = switch (String.valueOf(body.action())) {
            case "START_REVIEW" -> core.requests().startReview(who, requestId, null);
            case "ACCEPT" -> core.requests().accept(who, requestId, null);
            case "REJECT" -> core.requests().reject(who, requestId, String.valueOf(body.reason()), null);
            case "CLOSE_WITHOUT_FOLLOW_UP" ->
                core.requests().closeWithoutFollowUp(who, requestId, String.valueOf(body.reason()), null);
            case "WITHDRAW" -> core.requests().withdraw(who, requestId, null);
            case "REQUEST_COMPLEMENT" ->
                core.requests()
                        .requestComplement(
                                who,
                                requestId,
                                String.valueOf(body.reason()),
                                body.missing() == null ? List.of() : body.missing(),
                                null,
                                null);
            default ->
                throw new org.opengru.core.error.ValidationException("action", body.action(), "is not an API action");
        };
        return RequestView.of(r);
    }

    @ApiScope(ApiTokens.Scope.DECIDE)
    @PostMapping("/demandes/{id}/messages")
    @Operation(summary = "Écrire dans l'échange d'une demande (INTERNAL_NOTE : agents seulement)")
    ResponseEntity<Void> message(
            @RequestAttribute(ApiAuthentication.PRINCIPAL) Principal who,
            @PathVariable String id,
            @RequestBody MessageBody body) {
        Visibility v = "INTERNAL_NOTE".equals(body.visibility()) ? Visibility.INTERNAL_NOTE : Visibility.SHARED;
        core.exchanges().post(who, RequestId.parse(id), v, body.body(), List.of(), Channel.MOBILE_APP, null);
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @ApiScope(ApiTokens.Scope.READ)
    @GetMapping("/creneaux")
    @Operation(summary = "Les créneaux libres d'un motif de rendez-vous sur un site")
    List<SlotView> slots(
            @RequestParam String site,
            @RequestParam String service,
            @RequestParam LocalDate du,
            @RequestParam LocalDate au) {
        return appointments
                .service()
                .availability(Commune.TENANT, SiteId.of(site), ServiceId.of(service), du, au, 1)
                .stream()
                .map((Slot s) -> new SlotView(s.start(), s.end(), s.capacity()))
                .toList();
    }

    @PostMapping("/rendez-vous")
    @Operation(summary = "Prendre un rendez-vous (usager connecté) ; 409 avec des créneaux proches si pris")
    ResponseEntity<?> book(
            @RequestAttribute(ApiAuthentication.PRINCIPAL) Principal who,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestBody BookingBody body) {
        if (!(who instanceof UsagerPrincipal me)) {
            throw new AccessDeniedException(who.toString(), "book as", "usager", "-");
        }
        BookingResult result = appointments
                .service()
                .book(BookingRequest.online(
                                Commune.TENANT,
                                SiteId.of(body.site()),
                                ServiceId.of(body.service()),
                                body.start(),
                                me.usager())
                        .withAntsNumber(body.antsNumber())
                        .withIdempotencyKey(key == null ? null : IdempotencyKey.of(key)));
        if (result instanceof BookingResult.Booked b) {
            var k = b.booking();
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new BookingView(
                            k.id().toString(),
                            k.site().value(),
                            k.service().value(),
                            k.resource().value(),
                            k.start(),
                            k.status().name()));
        }
        BookingResult.SlotUnavailable u = (BookingResult.SlotUnavailable) result;
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(u.alternatives().stream()
                        .map(s -> new SlotView(s.start(), s.end(), s.capacity()))
                        .toList());
    }

    @DeleteMapping("/rendez-vous/{id}")
    @Operation(summary = "Annuler son rendez-vous (usager connecté)")
    ResponseEntity<Void> cancel(@RequestAttribute(ApiAuthentication.PRINCIPAL) Principal who, @PathVariable String id) {
        if (!(who instanceof UsagerPrincipal me)) {
            throw new AccessDeniedException(who.toString(), "cancel as", "usager", "-");
        }
        appointments.service().cancelByOwner(me, BookingId.parse(id));
        return ResponseEntity.noContent().build();
    }

    @ApiScope(ApiTokens.Scope.WEBHOOKS)
    @GetMapping("/webhooks")
    @Operation(summary = "Les webhooks signés envoyés au logiciel métier (agents seulement)")
    WebhookView webhooks(@RequestAttribute(ApiAuthentication.PRINCIPAL) Principal who) {
        if (!(who instanceof AgentPrincipal)) {
            throw new AccessDeniedException(who.toString(), "read", "webhooks", webhookSubscriber);
        }
        return new WebhookView(
                webhookSubscriber, "org/opengru/core/webhook/webhook-event-v1.schema.json", "OpenGRU-Signature");
    }

    /** Any other path under the API: a 404 problem, not the HTML error page. */
    @RequestMapping("/**")
    @ApiScope(ApiTokens.Scope.READ)
    void unknown() {
        throw new NotFoundException("API operation", "-");
    }
}
