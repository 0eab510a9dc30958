package org.opengru.core.request;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opengru.core.acknowledgment.Acknowledgment;
import org.opengru.core.acknowledgment.AcknowledgmentSettings;
import org.opengru.core.acknowledgment.ServiceContact;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureStore;
import org.opengru.core.deadline.DeadlineCalculator;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.IdempotencyConflictException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.event.DomainEventPublisher;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.ReferenceGenerator;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.ShortReference;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Intake;
import org.opengru.core.internal.Checks;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.SystemPrincipal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TeamDirectory;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.Usager;
import org.opengru.core.usager.UsagerStore;

/**
 * Commands and queries on requests. Every method takes the acting principal; the collectivité is the
 * principal's. A command: loads the request, checks access ({@link AccessDeniedException}), replays an
 * idempotent retry, selects the transition from the {@link RequestLifecycle} table ({@link
 * org.opengru.core.error.IllegalTransitionException}), checks its guard ({@link
 * org.opengru.core.error.ValidationException}), applies its effects, stores the new state, one history
 * entry, the events and the idempotency record in one {@link RequestStore#apply} (a concurrent change is a
 * {@link org.opengru.core.error.ConcurrentUpdateException}), and only then publishes the events. A refused
 * command changes nothing. Thread-safe.
 */
public final class RequestService {

    private final Clock clock;
    private final IdGenerator ids;
    private final ReferenceGenerator references;
    private final RequestStore store;
    private final ProcedureStore procedures;
    private final UsagerStore usagers;
    private final Representations representations;
    private final RequestAccessPolicy policy;
    private final TeamDirectory teams;
    private final Function<TenantId, AcknowledgmentSettings> acknowledgmentSettings;
    private final DeadlineCalculator deadlines;
    private final DomainEventPublisher publisher;
    private final RequestLifecycle lifecycle = RequestLifecycle.standard();

    private RequestService(Builder b) {
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.ids = b.ids != null ? b.ids : IdGenerator.create(clock);
        this.references = Objects.requireNonNull(b.references, "references");
        this.store = Objects.requireNonNull(b.store, "store");
        this.procedures = Objects.requireNonNull(b.procedures, "procedures");
        this.usagers = Objects.requireNonNull(b.usagers, "usagers");
        this.representations = Objects.requireNonNull(b.representations, "representations");
        this.policy = new RequestAccessPolicy(representations, clock);
        this.teams = Objects.requireNonNull(b.teams, "teams");
        this.acknowledgmentSettings = b.acknowledgmentSettings;
        this.deadlines = b.deadlines;
        this.publisher = b.publisher;
    }

    /**
     * Starts a service; the clock, references, stores, representations and teams are required; the ids, the
     * acknowledgment settings, the deadline calculator and the publisher have defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The lifecycle table the service fires its transitions from.
     *
     * @return the table
     */
    public RequestLifecycle lifecycle() {
        return lifecycle;
    }

    /**
     * Who may do what on a request: the same policy the commands check.
     *
     * @return the access policy
     */
    public RequestAccessPolicy policy() {
        return policy;
    }

    // ---- commands -----------------------------------------------------------------------------------

    /**
     * Creates a draft for the latest version of the démarche. An usager files for someone they may act
     * for; an agent of the démarche's team keys it in for the resident (recorded in the intake). With a
     * beneficiary, the applicant files on their behalf: the applicant must be able to act for the
     * beneficiary, whoever files ({@link AccessDeniedException} otherwise), and the démarche must be open to
     * both kinds.
     *
     * @param actor the usager or agent who creates it
     * @param command the démarche, the applicant (and beneficiary), the channel and any first values
     * @param clientKey an idempotency key: a retried create returns the first call's draft, or {@code null}
     * @return the draft, with its short reference
     * @throws AccessDeniedException when the actor may not file for the applicant or the beneficiary
     * @throws org.opengru.core.error.ValidationException when the démarche is not open to the applicant's kind
     * or a given value is invalid, naming the field
     */
    public Request create(Principal actor, NewRequest command, @Nullable IdempotencyKey clientKey) {
        @Nullable IdempotencyKey key = scoped(actor, RequestAction.CREATE, clientKey);
        String fingerprint = "CREATE:" + command.procedure() + ":" + command.applicant()
                + (command.beneficiary() == null ? "" : ">" + command.beneficiary()) + ":" + actor.ref();
        Request replay = replay(actor, key, fingerprint);
        if (replay != null) {
            return replay;
        }
        return commit(List.of(step(creation(actor, command), RequestAction.CREATE, true)), 0, key, fingerprint);
    }

    /**
     * A request received by phone or at the counter, keyed in by an agent of the démarche's team in one
     * step: created and received at once, complete ({@code missing} empty: submitted, every required piece
     * among {@code command.pieces()}, paper ones included, see {@link ProvidedPiece#onPaper}) or incomplete
     * ({@code missing} lists what the resident still has to bring, {@code reason} says why; the accusé de
     * réception lists them). It is stored only once both steps passed their checks: a refused key-in (a
     * missing piece not listed, no reason, an invalid value) leaves no draft behind. With the same key, a
     * retry returns the request as it is now.
     *
     * @param actor an agent of the démarche's team
     * @param command the démarche, the applicant (and beneficiary), the channel, the values and the pieces
     * @param missing the pieces the resident still has to bring, empty for a complete request
     * @param reason why the request is incomplete (required when {@code missing} is not empty), or {@code null}
     * @param clientKey an idempotency key: a retried key-in returns the request as it is now, or {@code null}
     * @return the request: submitted (awaiting payment for a démarche payante), or registered incomplete and
     *     awaiting its complement
     * @throws org.opengru.core.error.NotFoundException when the démarche or an usager is unknown
     * @throws AccessDeniedException when the applicant may not act for the beneficiary
     * @throws org.opengru.core.error.IllegalTransitionException when the actor may not key in (not an agent of the
     *     démarche's team) or the lifecycle refuses the receipt
     * @throws org.opengru.core.error.ValidationException naming the field when a value is invalid, a required
     *     piece is neither provided nor listed missing, or the reason is missing: nothing is stored
     */
    public Request keyIn(
            Principal actor,
            NewRequest command,
            List<String> missing,
            @Nullable String reason,
            @Nullable IdempotencyKey clientKey) {
        Objects.requireNonNull(missing, "missing");
        @Nullable IdempotencyKey key = scoped(actor, RequestAction.CREATE, clientKey);
        RequestAction receive = missing.isEmpty() ? RequestAction.SUBMIT : RequestAction.REGISTER_INCOMPLETE;
        String fingerprint = "KEY_IN:" + receive + ":" + command.procedure() + ":" + command.applicant()
                + (command.beneficiary() == null ? "" : ">" + command.beneficiary()) + ":" + actor.ref();
        Request replay = replay(actor, key, fingerprint);
        if (replay != null) {
            return replay;
        }
        TransitionContext creation = creation(actor, command);
        Step created = step(creation, RequestAction.CREATE, true);
        Request draft = created.after();
        ActionInput input = missing.isEmpty()
                ? ActionInput.none().via(command.channel())
                : ActionInput.complementRequest(reason == null ? "" : reason, missing, null)
                        .via(command.channel());
        Step received =
                step(context(draft, creation.procedure(), actor, input, draft.createdAt(), null), receive, false);
        return commit(List.of(created, received), 0, key, fingerprint);
    }

    /** The context of a creation: the draft as it would be, every check on the démarche and the usagers done. */
    private TransitionContext creation(Principal actor, NewRequest command) {
        TenantId tenant = actor.tenant();
        Procedure procedure = procedures
                .latest(tenant, command.procedure())
                .orElseThrow(() ->
                        new NotFoundException("procedure", command.procedure().value()));
        Usager applicant = usagers.find(tenant, command.applicant())
                .orElseThrow(() ->
                        new NotFoundException("usager", command.applicant().toString()));
        Usager beneficiary = command.beneficiary() == null
                ? null
                : usagers.find(tenant, command.beneficiary())
                        .orElseThrow(() -> new NotFoundException("usager", String.valueOf(command.beneficiary())));
        Instant now = clock.instant();
        if (beneficiary != null) {
            // The applicant follows the request: they must be able to act for the beneficiary, whoever files
            // (an agent keying it in at the counter included).
            if (!representations.mayActFor(tenant, applicant.id(), beneficiary.id(), now)) {
                throw new AccessDeniedException(
                        actor.toString(),
                        "create a request on behalf of",
                        "usager",
                        beneficiary.id().toString());
            }
            Checks.check(
                    procedure.openTo().contains(beneficiary.kind()),
                    "beneficiary",
                    beneficiary.id(),
                    () -> "this démarche is open to " + procedure.openTo() + " only, not to a " + beneficiary.kind());
        }
        Intake intake = actor instanceof AgentPrincipal a
                ? Intake.keyedBy(command.channel(), a.agent())
                : Intake.selfService(command.channel());
        ShortReference reference = references.next(tenant);
        Request draft = new Request(
                ids.newRequestId(),
                tenant,
                reference,
                procedure.ref(),
                procedure.team(),
                applicant.id(),
                beneficiary == null ? null : beneficiary.id(),
                actor.ref(),
                intake,
                RequestStatus.DRAFT,
                org.opengru.core.catalogue.FormData.empty(),
                List.of(),
                1,
                now,
                now,
                null,
                null,
                null,
                null,
                null,
                null);
        if (actor instanceof SystemPrincipal || !policy.canRead(actor, draft)) {
            throw new AccessDeniedException(
                    actor.toString(),
                    "create a request for",
                    "usager",
                    applicant.id().toString());
        }
        ActionInput input = new ActionInput(command.channel(), command.data(), command.pieces(), null, List.of(), null);
        TransitionContext ctx = context(draft, procedure, actor, input, now, applicant.kind());
        ctx.markCreation();
        return ctx;
    }

    /**
     * Fires an action on a request. See the class comment for the order of checks. With an idempotency key
     * already used for the same action on the same request, nothing is done again and the request is
     * returned as it is now (the first call's effect, plus whatever happened since).
     *
     * @param actor the usager, agent or system who acts
     * @param id the request
     * @param action the action
     * @param input the action's content: form values, pieces, reason, missing pieces, due date
     * @param clientKey an idempotency key, or {@code null}
     * @return the request after the action
     * @throws NotFoundException when the actor's collectivité has no such request
     * @throws AccessDeniedException when the actor may not see it or fire this action on it
     * @throws org.opengru.core.error.IllegalTransitionException when the action does not leave the request's status
     * @throws org.opengru.core.error.ValidationException when the transition's guard refuses the input, naming
     * the field
     * @throws org.opengru.core.error.ConcurrentUpdateException when the request changed meanwhile: read it again
     * and retry
     */
    public Request perform(
            Principal actor,
            RequestId id,
            RequestAction action,
            ActionInput input,
            @Nullable IdempotencyKey clientKey) {
        Objects.requireNonNull(action, "action");
        @Nullable IdempotencyKey key = scoped(actor, action, clientKey);
        Objects.requireNonNull(input, "input");
        if (action == RequestAction.CREATE || action == RequestAction.ASSIGN) {
            throw new org.opengru.core.error.ValidationException(
                    "action", action, action == RequestAction.CREATE ? "use create()" : "use assign()");
        }
        String fingerprint = action + ":" + id;
        Request replay = replay(actor, key, fingerprint);
        if (replay != null) {
            return replay;
        }
        Request request = load(actor, id);
        Procedure procedure = procedureOf(request);
        TransitionContext ctx = context(request, procedure, actor, input, clock.instant(), null);
        return commit(List.of(step(ctx, action, false)), request.version(), key, fingerprint);
    }

    /**
     * Updates a draft's form values and pieces (the applicant, or the agent who keys it in).
     *
     * @param actor the applicant, or the agent who keyed it in
     * @param id the draft
     * @param content the values and pieces to set
     * @param key an idempotency key, or {@code null}
     * @return the draft
     * @throws org.opengru.core.error.ValidationException naming a field whose given value is invalid
     * @throws org.opengru.core.error.IllegalTransitionException when the request is no longer a draft
     */
    public Request edit(Principal actor, RequestId id, ActionInput content, @Nullable IdempotencyKey key) {
        return perform(actor, id, RequestAction.EDIT, content, key);
    }

    /**
     * Files the demande: the draft becomes received (déposée). The guard requires the form to be valid against
     * the démarche's schema and every required pièce justificative present; the effect records the date of
     * receipt, starts the implicit-decision period (silence vaut accord or rejet, {@link
     * org.opengru.core.catalogue.ImplicitDecisionRule}) and issues the accusé de réception with the CRPA's
     * mentions ({@link #acknowledgment}). Like every command, it is refused as a whole (nothing written) or done
     * once; with the same key, a retried submit (a double click, a lost answer) returns the request as it is
     * instead of failing on the status.
     *
     * @param actor the applicant, or the agent who keyed the draft in
     * @param id the draft
     * @param key an idempotency key, or {@code null}
     * @return the received request, status {@link RequestStatus#SUBMITTED}
     * @throws NotFoundException when the actor's collectivité has no such request
     * @throws AccessDeniedException when the actor is neither the applicant (or someone acting for them) nor the
     *     keying agent
     * @throws org.opengru.core.error.IllegalTransitionException when the request is not a draft any more (already
     *     submitted without the key, withdrawn)
     * @throws org.opengru.core.error.ValidationException listing every missing or invalid field and piece, each by
     *     its path (the same list {@link #submissionProblems} gives beforehand)
     * @throws org.opengru.core.error.ConcurrentUpdateException when the draft changed meanwhile
     */
    public Request submit(Principal actor, RequestId id, @Nullable IdempotencyKey key) {
        return perform(actor, id, RequestAction.SUBMIT, ActionInput.none(), key);
    }

    /**
     * An agent of the démarche's team starts processing a received request (en instruction).
     *
     * @param actor the agent
     * @param id the request
     * @param key an idempotency key, or {@code null}
     * @return the request, status {@link RequestStatus#IN_REVIEW}
     * @throws AccessDeniedException when the actor is not an agent of the team
     * @throws org.opengru.core.error.IllegalTransitionException when the request is not {@code SUBMITTED}
     */
    public Request startReview(Principal actor, RequestId id, @Nullable IdempotencyKey key) {
        return perform(actor, id, RequestAction.START_REVIEW, ActionInput.none(), key);
    }

    /**
     * An agent asks the usager for a complement: the implicit-decision period is suspended until it comes (or its
     * due date passes).
     *
     * @param actor the agent
     * @param id the request, in review
     * @param reason why, in words the usager reads
     * @param missing what is missing: the pieces or fields to provide
     * @param dueBy the date the complement is due, or {@code null} for the démarche's default
     * @param key an idempotency key, or {@code null}
     * @return the request, status {@link RequestStatus#AWAITING_COMPLEMENT}
     * @throws org.opengru.core.error.ValidationException when the reason or the list is empty
     * @throws org.opengru.core.error.IllegalTransitionException when the request is not in review
     */
    public Request requestComplement(
            Principal actor,
            RequestId id,
            String reason,
            List<String> missing,
            @Nullable LocalDate dueBy,
            @Nullable IdempotencyKey key) {
        return perform(
                actor,
                id,
                RequestAction.REQUEST_COMPLEMENT,
                ActionInput.complementRequest(reason, missing, dueBy),
                key);
    }

    /**
     * The usager (or an agent for them) provides the complement: the request goes back to review and the
     * implicit-decision period resumes, as the démarche says (continue or restart).
     *
     * @param actor the applicant, or an agent of the team
     * @param id the request
     * @param content the values and pieces provided
     * @param key an idempotency key, or {@code null}
     * @return the request, status {@link RequestStatus#IN_REVIEW}
     * @throws org.opengru.core.error.ValidationException naming what is still missing or invalid
     * @throws org.opengru.core.error.IllegalTransitionException when no complement is awaited
     */
    public Request provideComplement(Principal actor, RequestId id, ActionInput content, @Nullable IdempotencyKey key) {
        return perform(actor, id, RequestAction.PROVIDE_COMPLEMENT, content, key);
    }

    /**
     * An agent accepts the request: an express decision.
     *
     * @param actor the agent
     * @param id the request, in review
     * @param key an idempotency key, or {@code null}
     * @return the request, status {@link RequestStatus#ACCEPTED}
     * @throws org.opengru.core.error.IllegalTransitionException when the request is not in review
     */
    public Request accept(Principal actor, RequestId id, @Nullable IdempotencyKey key) {
        return perform(actor, id, RequestAction.ACCEPT, ActionInput.none(), key);
    }

    /**
     * An agent rejects the request: an express decision, with the reason the usager reads (and the voies et
     * délais de recours of the démarche).
     *
     * @param actor the agent
     * @param id the request, in review
     * @param reason the reason, required
     * @param key an idempotency key, or {@code null}
     * @return the request, status {@link RequestStatus#REJECTED}
     * @throws org.opengru.core.error.ValidationException when the reason is blank
     * @throws org.opengru.core.error.IllegalTransitionException when the request is not in review
     */
    public Request reject(Principal actor, RequestId id, String reason, @Nullable IdempotencyKey key) {
        return perform(actor, id, RequestAction.REJECT, ActionInput.reason(reason), key);
    }

    /**
     * An agent closes the request without a decision on the merits (classée sans suite).
     *
     * @param actor the agent
     * @param id the request, received and not decided
     * @param reason the reason, required
     * @param key an idempotency key, or {@code null}
     * @return the request, status {@link RequestStatus#CLOSED_WITHOUT_FOLLOW_UP}
     * @throws org.opengru.core.error.ValidationException when the reason is blank
     */
    public Request closeWithoutFollowUp(Principal actor, RequestId id, String reason, @Nullable IdempotencyKey key) {
        return perform(actor, id, RequestAction.CLOSE_WITHOUT_FOLLOW_UP, ActionInput.reason(reason), key);
    }

    /**
     * The applicant withdraws (désistement): no decision will be taken.
     *
     * @param actor the applicant, or someone acting for them
     * @param id the request, draft or received and not decided
     * @param key an idempotency key, or {@code null}
     * @return the request, status {@link RequestStatus#WITHDRAWN}
     * @throws org.opengru.core.error.IllegalTransitionException when it is already decided or withdrawn
     */
    public Request withdraw(Principal actor, RequestId id, @Nullable IdempotencyKey key) {
        return perform(actor, id, RequestAction.WITHDRAW, ActionInput.none(), key);
    }

    /**
     * An agent reopens a decided request: the decision is withdrawn and no implicit decision may follow any more.
     *
     * @param actor the agent
     * @param id the request, decided
     * @param reason the reason, required
     * @param key an idempotency key, or {@code null}
     * @return the request, status {@link RequestStatus#IN_REVIEW}
     * @throws org.opengru.core.error.ValidationException when the reason is blank
     * @throws org.opengru.core.error.IllegalTransitionException when the request is not decided
     */
    public Request reopen(Principal actor, RequestId id, String reason, @Nullable IdempotencyKey key) {
        return perform(actor, id, RequestAction.REOPEN, ActionInput.reason(reason), key);
    }

    /**
     * The agent takes the request in hand ("je prends"): they become its {@link Request#assignee()}, in
     * place of whoever had it. Only an agent of the request's team, only while it is open (received and not
     * decided: {@link org.opengru.core.error.ValidationException} on {@code status} otherwise). The status
     * does not change; the history records an {@link RequestAction#ASSIGN} entry (and with it the audit
     * trail and the timeline). Taking a request one already holds changes nothing.
     *
     * @param actor the agent
     * @param id the request
     * @param clientKey an idempotency key, or {@code null}
     * @return the request, with the agent as its assignee
     * @throws AccessDeniedException when the actor is not an agent of the request's team
     */
    public Request assign(Principal actor, RequestId id, @Nullable IdempotencyKey clientKey) {
        if (!(actor instanceof AgentPrincipal agent)) {
            throw new AccessDeniedException(actor.toString(), "take", "request", id.toString());
        }
        return assignTo(agent, id, agent, clientKey);
    }

    /**
     * Hands the request over to a colleague (confier à un collègue): an agent of the request's team (its
     * team lead, or the agent who holds it) gives it to another agent of that team, who becomes its
     * assignee. Recorded in the history as an {@link RequestAction#ASSIGN} by the one who hands over, whose
     * reason is the colleague ({@code agent:<id>}, pseudonymous like the actor). Idempotent like {@link
     * #assign}; handing it to the agent who holds it changes nothing.
     *
     * @param actor the agent who hands the request over
     * @param id the request
     * @param colleague the agent who takes it, with his teams as the caller's directory knows them
     * @param clientKey an idempotency key, or {@code null}
     * @return the request, with the colleague as its assignee
     * @throws AccessDeniedException when the actor, or the colleague, is not an agent of the request's team
     */
    public Request handOver(
            Principal actor, RequestId id, AgentPrincipal colleague, @Nullable IdempotencyKey clientKey) {
        Checks.required("colleague", colleague);
        if (!(actor instanceof AgentPrincipal agent)) {
            throw new AccessDeniedException(actor.toString(), "hand over", "request", id.toString());
        }
        return assignTo(agent, id, colleague, clientKey);
    }

    private Request assignTo(
            AgentPrincipal actor, RequestId id, AgentPrincipal assignee, @Nullable IdempotencyKey clientKey) {
        boolean self = assignee.agent().equals(actor.agent());
        @Nullable IdempotencyKey key = scoped(actor, RequestAction.ASSIGN, clientKey);
        String fingerprint = RequestAction.ASSIGN + ":" + id + (self ? "" : ":" + assignee.agent());
        Request replay = replay(actor, key, fingerprint);
        if (replay != null) {
            return replay;
        }
        Request before = load(actor, id);
        if (!policy.rolesOf(actor, before).contains(ActorRole.AGENT)) {
            throw new AccessDeniedException(actor.toString(), self ? "take" : "hand over", "request", id.toString());
        }
        if (!self
                && (!assignee.tenant().equals(actor.tenant())
                        || !policy.rolesOf(assignee, before).contains(ActorRole.AGENT))) {
            // Only to someone who may work on it: the request would otherwise sit with nobody able to open it.
            throw new AccessDeniedException(assignee.toString(), "be handed", "request", id.toString());
        }
        Checks.check(
                before.status().pending(),
                "status",
                before.status(),
                "only a received request not yet decided can be taken in hand");
        if (assignee.agent().equals(before.assignee())) {
            return before;
        }
        Instant now = clock.instant();
        long version = before.version() + 1;
        Request after = before.toBuilder()
                .assignee(assignee.agent())
                .version(version)
                .updatedAt(now)
                .build();
        HistoryEntry entry = new HistoryEntry(
                after.id(),
                (int) version,
                now,
                actor.ref(),
                ActionInput.none().channel(),
                RequestAction.ASSIGN,
                before.status(),
                after.status(),
                self ? null : assignee.ref().toString(),
                false);
        IdempotencyRecord idem =
                key == null ? null : new IdempotencyRecord(after.tenant(), key, fingerprint, after.id(), version, now);
        return store.apply(new RequestChange(after, before.version(), List.of(entry), List.of(), idem))
                .request();
    }

    // ---- queries ------------------------------------------------------------------------------------

    /**
     * One page of an agent's work queue, in the query's order. Only agents have one; it shows the requests
     * of their teams exactly as {@link #list} does ({@code query.teams()} narrows them: naming a team the
     * agent is not in is an {@link AccessDeniedException}).
     *
     * @param actor the agent
     * @param query the filters, the order and the page
     * @return the page, with the key of the next one
     */
    public WorkQueuePage workQueue(Principal actor, WorkQueueQuery query) {
        Objects.requireNonNull(query, "query");
        if (!(actor instanceof AgentPrincipal a)) {
            throw new AccessDeniedException(
                    actor.toString(), "list", "work queue", actor.tenant().value());
        }
        for (org.opengru.core.id.TeamId t : query.teams()) {
            if (!a.memberOf(t)) {
                throw new AccessDeniedException(actor.toString(), "list", "team", t.value());
            }
        }
        if (a.teams().isEmpty()) {
            return new WorkQueuePage(List.of(), null);
        }
        WorkQueueQuery narrowed = query.withTeams(query.teams().isEmpty() ? a.teams() : query.teams());
        // One row more than asked tells whether there is a next page.
        List<Request> rows = store.workQueue(a.tenant(), narrowed, query.limit() + 1);
        boolean more = rows.size() > query.limit();
        List<Request> page = more ? rows.subList(0, query.limit()) : rows;
        WorkQueueQuery.Cursor next = more ? WorkQueueQuery.Cursor.after(page.get(page.size() - 1), query.sort()) : null;
        return new WorkQueuePage(visible(actor, page), next);
    }

    /**
     * The request, if the principal may see it; {@link NotFoundException} or {@link AccessDeniedException}.
     *
     * @param actor the usager or agent
     * @param id the request
     * @return the request
     */
    public Request get(Principal actor, RequestId id) {
        return load(actor, id);
    }

    /**
     * The request with that short reference (the one on the accusé de réception), if the principal may see it.
     *
     * @param actor the usager or agent
     * @param reference the reference, as the usager typed it
     * @return the request
     * @throws NotFoundException when the collectivité has no such reference
     * @throws AccessDeniedException when the principal may not see it
     */
    public Request getByReference(Principal actor, ShortReference reference) {
        Request r = store.findByReference(actor.tenant(), reference)
                .orElseThrow(() -> new NotFoundException("request", reference.value()));
        policy.checkRead(actor, r);
        return r;
    }

    /**
     * The principal's requests, newest first: an usager's own and those of the usagers they may act for;
     * an agent's teams'. The system has no list (use {@link RequestStore} queries).
     *
     * @param actor the usager or agent
     * @param query the filters and the page
     * @return the requests
     */
    public List<Request> list(Principal actor, RequestQuery query) {
        if (actor instanceof UsagerPrincipal u) {
            Set<org.opengru.core.id.UsagerId> actsFor =
                    representations.actsFor(u.tenant(), u.usager(), clock.instant());
            return visible(actor, store.byApplicants(u.tenant(), actsFor, query));
        }
        if (actor instanceof AgentPrincipal a) {
            return visible(actor, store.byTeams(a.tenant(), a.teams(), query));
        }
        throw new AccessDeniedException(
                actor.toString(), "list", "requests", actor.tenant().value());
    }

    // The store query is a pre-filter; the policy has the last word on every row.
    private List<Request> visible(Principal actor, List<Request> rows) {
        return rows.stream().filter(r -> policy.canRead(actor, r)).toList();
    }

    /**
     * The request's history, oldest first: every action, who did it and when.
     *
     * @param actor the usager or agent who may see the request
     * @param id the request
     * @return the entries
     * @throws NotFoundException when the actor's collectivité has no such request
     * @throws AccessDeniedException when the actor may not see it
     */
    public List<HistoryEntry> history(Principal actor, RequestId id) {
        Request r = load(actor, id);
        return store.history(r.tenant(), r.id());
    }

    /**
     * The accusé de réception, once received.
     *
     * @param actor the usager or agent who may see the request
     * @param id the request
     * @return the acknowledgment, with the date of receipt, the deadline and the implicit decision it leads to
     * @throws NotFoundException when the request was not received yet
     */
    public Acknowledgment acknowledgment(Principal actor, RequestId id) {
        Request r = load(actor, id);
        if (r.acknowledgment() == null) {
            throw new NotFoundException("acknowledgment", id.toString());
        }
        return r.acknowledgment();
    }

    /**
     * What still prevents submitting the request as it is (missing or invalid values, missing pieces), each
     * naming its field; empty when it can be submitted. For a UI to explain a disabled button.
     *
     * @param actor the usager or agent who may see the request
     * @param id the request
     * @return the problems, possibly none
     */
    public List<org.opengru.core.error.Violation> submissionProblems(Principal actor, RequestId id) {
        Request request = load(actor, id);
        TransitionContext ctx =
                context(request, procedureOf(request), actor, ActionInput.none(), clock.instant(), null);
        try {
            RequestLifecycle.COMPLETE.check(ctx);
            return List.of();
        } catch (org.opengru.core.error.ValidationException e) {
            return e.violations();
        }
    }

    /**
     * The actions the principal may fire on the request now: what a UI shows as buttons.
     *
     * @param actor the usager or agent
     * @param id the request
     * @return the actions
     */
    public Set<RequestAction> permittedActions(Principal actor, RequestId id) {
        return permittedActions(load(actor, id), actor);
    }

    /**
     * The actions the principal may fire on this request now (empty if they may not see it).
     *
     * @param request the request, already loaded
     * @param actor the principal
     * @return the actions
     */
    public Set<RequestAction> permittedActions(Request request, Principal actor) {
        Set<ActorRole> roles = policy.rolesOf(actor, request);
        if (roles.isEmpty()) {
            return Set.of();
        }
        TransitionContext ctx =
                context(request, procedureOf(request), actor, ActionInput.none(), clock.instant(), null);
        return lifecycle.permittedActions(ctx, roles);
    }

    // ---- internals ----------------------------------------------------------------------------------

    private Request load(Principal actor, RequestId id) {
        Request r = store.find(actor.tenant(), id).orElseThrow(() -> new NotFoundException("request", id.toString()));
        policy.checkRead(actor, r);
        return r;
    }

    private Procedure procedureOf(Request r) {
        return procedures
                .find(r.tenant(), r.procedure())
                .orElseThrow(
                        () -> new NotFoundException("procedure", r.procedure().toString()));
    }

    /** The client's key as stored: scoped to the actor and the action, so nobody replays or blocks another. */
    private static @Nullable IdempotencyKey scoped(
            Principal actor, RequestAction action, @Nullable IdempotencyKey clientKey) {
        return clientKey == null ? null : clientKey.scopedTo(actor.ref(), "request." + action);
    }

    private @Nullable Request replay(Principal actor, @Nullable IdempotencyKey key, String fingerprint) {
        if (key == null) {
            return null;
        }
        IdempotencyRecord earlier = store.idempotency(actor.tenant(), key).orElse(null);
        if (earlier == null) {
            return null;
        }
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new IdempotencyConflictException(key.value());
        }
        return load(actor, earlier.requestId());
    }

    private TransitionContext context(
            Request request,
            Procedure procedure,
            Principal actor,
            ActionInput input,
            Instant now,
            org.opengru.core.usager.@Nullable UsagerKind applicantKind) {
        return new TransitionContext(
                request,
                procedure,
                actor,
                input,
                now,
                deadlines,
                this::issueAcknowledgment,
                applicantKind,
                ids::newEventId);
    }

    /** One transition worked out in memory: the request after it, its history entry and its events. */
    private record Step(Request after, HistoryEntry entry, List<DomainEvent> events) {}

    /** Selects the transition, checks its guard and applies its effects, storing nothing. */
    private Step step(TransitionContext ctx, RequestAction action, boolean creating) {
        Request before = ctx.request();
        Set<ActorRole> roles = policy.rolesOf(ctx.actor(), before);
        Transition t = lifecycle.select(ctx, action, roles, creating);
        t.guard().check(ctx);
        Request.Builder next = before.toBuilder();
        t.effect().apply(ctx, next);
        long version = ctx.nextVersion();
        Request after =
                next.status(t.to()).version(version).updatedAt(ctx.now()).build();
        List<DomainEvent> events = new ArrayList<>(ctx.events());
        if (!creating && before.status() != after.status()) {
            events.add(new RequestStatusChanged(
                    ids.newEventId(),
                    after.tenant(),
                    ctx.now(),
                    after.id(),
                    version,
                    before.status(),
                    after.status(),
                    action,
                    ctx.actor().ref(),
                    action == RequestAction.IMPLICIT_ACCEPT || action == RequestAction.IMPLICIT_REJECT));
        }
        HistoryEntry entry = new HistoryEntry(
                after.id(),
                (int) version,
                ctx.now(),
                ctx.actor().ref(),
                ctx.input().channel(),
                action,
                creating ? null : before.status(),
                after.status(),
                ctx.input().reason(),
                action == RequestAction.IMPLICIT_ACCEPT || action == RequestAction.IMPLICIT_REJECT);
        return new Step(after, entry, events);
    }

    /** Stores the steps as one change (all or nothing), then publishes their events. */
    private Request commit(List<Step> steps, long expectedVersion, @Nullable IdempotencyKey key, String fingerprint) {
        Request after = steps.get(steps.size() - 1).after();
        List<HistoryEntry> entries = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();
        for (Step s : steps) {
            entries.add(s.entry());
            events.addAll(s.events());
        }
        Instant at = steps.get(steps.size() - 1).entry().at();
        IdempotencyRecord idem = key == null
                ? null
                : new IdempotencyRecord(after.tenant(), key, fingerprint, after.id(), after.version(), at);
        RequestStore.Outcome outcome = store.apply(new RequestChange(after, expectedVersion, entries, events, idem));
        if (!outcome.replayed()) {
            publisher.publish(events);
        }
        return outcome.request();
    }

    private Acknowledgment issueAcknowledgment(
            Request received, Procedure procedure, List<String> missing, @Nullable LocalDate dueBy) {
        Team team = teams.find(received.tenant(), received.team())
                .orElseThrow(() -> new NotFoundException("team", received.team().value()));
        AcknowledgmentSettings settings = acknowledgmentSettings.apply(received.tenant());
        boolean svr = procedure.implicitDecision().decision() == org.opengru.core.catalogue.ImplicitDecision.REJECTION;
        Acknowledgment.Data data = new Acknowledgment.Data(
                received.id(),
                received.tenant(),
                received.reference(),
                settings.collectivityName(),
                procedure.ref(),
                procedure.title(),
                Objects.requireNonNull(received.receivedAt()),
                deadlines.zone(),
                ServiceContact.of(team),
                procedure.implicitDecision().decision(),
                procedure.implicitDecision().applies()
                        ? procedure.implicitDecision().period()
                        : null,
                missing.isEmpty() && received.deadline() != null
                        ? received.deadline().date()
                        : null,
                svr ? settings.appeal() : null,
                missing,
                dueBy);
        return Acknowledgment.issue(data, settings.template());
    }

    /** Wiring; the ports and the clock are required. */
    public static final class Builder {
        private @Nullable Clock clock;
        private @Nullable IdGenerator ids;
        private @Nullable ReferenceGenerator references;
        private @Nullable RequestStore store;
        private @Nullable ProcedureStore procedures;
        private @Nullable UsagerStore usagers;
        private @Nullable Representations representations;
        private @Nullable TeamDirectory teams;
        private Function<TenantId, AcknowledgmentSettings> acknowledgmentSettings =
                AcknowledgmentSettings.standardForEach();
        private DeadlineCalculator deadlines = DeadlineCalculator.paris();
        private DomainEventPublisher publisher = DomainEventPublisher.none();

        private Builder() {}

        /**
         * The clock of dates of receipt, deadlines and history (required).
         *
         * @param c the application's clock
         * @return this builder
         */
        public Builder clock(Clock c) {
            clock = c;
            return this;
        }

        /**
         * The ids of requests and events; by default a generator on the clock.
         *
         * @param g the generator
         * @return this builder
         */
        public Builder ids(IdGenerator g) {
            ids = g;
            return this;
        }

        /**
         * The short references printed on accusés de réception (required).
         *
         * @param g the generator
         * @return this builder
         */
        public Builder references(ReferenceGenerator g) {
            references = g;
            return this;
        }

        /**
         * The requests (required).
         *
         * @param s the store
         * @return this builder
         */
        public Builder store(RequestStore s) {
            store = s;
            return this;
        }

        /**
         * The démarches (required).
         *
         * @param s the store
         * @return this builder
         */
        public Builder procedures(ProcedureStore s) {
            procedures = s;
            return this;
        }

        /**
         * The usagers, to check applicants and beneficiaries (required).
         *
         * @param s the store
         * @return this builder
         */
        public Builder usagers(UsagerStore s) {
            usagers = s;
            return this;
        }

        /**
         * Who acts for whom: households and mandates (required).
         *
         * @param r the representations
         * @return this builder
         */
        public Builder representations(Representations r) {
            representations = r;
            return this;
        }

        /**
         * Which agent is in which team (required).
         *
         * @param t the directory
         * @return this builder
         */
        public Builder teams(TeamDirectory t) {
            teams = t;
            return this;
        }

        /**
         * Each collectivité's mentions of the accusé de réception (service's address, mediator...).
         *
         * @param s the settings per collectivité
         * @return this builder
         */
        public Builder acknowledgmentSettings(Function<TenantId, AcknowledgmentSettings> s) {
            acknowledgmentSettings = Objects.requireNonNull(s);
            return this;
        }

        /**
         * How deadlines are counted (working days, public holidays).
         *
         * @param d the calculator
         * @return this builder
         */
        public Builder deadlines(DeadlineCalculator d) {
            deadlines = Objects.requireNonNull(d);
            return this;
        }

        /**
         * Where request events are published after each command.
         *
         * @param p the publisher
         * @return this builder
         */
        public Builder publisher(DomainEventPublisher p) {
            publisher = Objects.requireNonNull(p);
            return this;
        }

        /**
         * Builds the service.
         *
         * @return the service, thread-safe
         * @throws NullPointerException naming a missing part
         */
        public RequestService build() {
            return new RequestService(this);
        }
    }
}
