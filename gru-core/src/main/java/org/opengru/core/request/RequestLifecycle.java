package org.opengru.core.request;

import static org.opengru.core.request.ActorRole.AGENT;
import static org.opengru.core.request.ActorRole.APPLICANT;
import static org.opengru.core.request.ActorRole.KEYING_AGENT;
import static org.opengru.core.request.ActorRole.SYSTEM;
import static org.opengru.core.request.RequestStatus.ACCEPTED;
import static org.opengru.core.request.RequestStatus.AWAITING_COMPLEMENT;
import static org.opengru.core.request.RequestStatus.AWAITING_PAYMENT;
import static org.opengru.core.request.RequestStatus.CLOSED_WITHOUT_FOLLOW_UP;
import static org.opengru.core.request.RequestStatus.DRAFT;
import static org.opengru.core.request.RequestStatus.IN_REVIEW;
import static org.opengru.core.request.RequestStatus.REJECTED;
import static org.opengru.core.request.RequestStatus.SUBMITTED;
import static org.opengru.core.request.RequestStatus.WITHDRAWN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ImplicitDecision;
import org.opengru.core.catalogue.PaymentRule;
import org.opengru.core.catalogue.RequiredPiece;
import org.opengru.core.deadline.ImplicitDeadline;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.error.Violation;
import org.opengru.core.internal.Checks;

/**
 * The request lifecycle, declared as data: {@link #TABLE} is the single list of every transition, with
 * who may fire it, its guard and its effects. {@link RequestService} fires transitions only through it;
 * {@link #permittedActions} and the diagram exports ({@link #toMermaid()}, {@link #toDot()}) read the same
 * table, so the buttons a UI shows and the docs' diagram cannot disagree with what the code does.
 */
public final class RequestLifecycle {

    // ---- guards -------------------------------------------------------------------------------------

    /** Form values present must be valid; required ones may still be missing (a draft). */
    static final Transition.Guard WELL_FORMED = ctx -> ctx.procedure().schema().validate(ctx.proposedData(), false);

    /** Every required field valid and every required piece (conditions applied) provided. */
    static final Transition.Guard COMPLETE = ctx -> {
        List<Violation> violations = new ArrayList<>();
        FormData data = ctx.proposedData();
        try {
            ctx.procedure().schema().validate(data, true);
        } catch (ValidationException e) {
            violations.addAll(e.violations());
        }
        violations.addAll(missingPieces(ctx));
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    };

    static final Transition.Guard ELIGIBLE = ctx -> {
        if (ctx.applicantKind() != null && !ctx.procedure().openTo().contains(ctx.applicantKind())) {
            throw new ValidationException(
                    "applicant",
                    ctx.applicantKind(),
                    "this démarche is open to " + ctx.procedure().openTo() + " only");
        }
    };

    static final Transition.Guard REASON =
            ctx -> Checks.text("reason", ctx.input().reason(), 2000);

    static final Transition.Guard MISSING_LISTED = ctx -> {
        Checks.check(!ctx.input().missing().isEmpty(), "missing", ctx.input().missing(), "must list what is missing");
        for (String m : ctx.input().missing()) {
            Checks.text("missing", m, 500);
        }
        LocalDate dueBy = ctx.input().dueBy();
        if (dueBy != null) {
            Checks.check(dueBy.isAfter(ctx.today()), "dueBy", dueBy, () -> "must be after today " + ctx.today());
        }
    };

    /** The receipt of the payment due, for its whole amount. */
    static final Transition.Guard PAID_IN_FULL = ctx -> {
        RequestPayment.Receipt receipt = ctx.input().payment();
        Checks.required("payment", receipt);
        RequestPayment due = Checks.required("request.payment", ctx.request().payment());
        Checks.check(
                receipt.amountCents() == due.amountCents(),
                "payment.amountCents",
                receipt.amountCents(),
                () -> "must be the amount due, " + due.amountCents() + " cents");
    };

    private static List<Violation> missingPieces(TransitionContext ctx) {
        FormData data = ctx.proposedData();
        Set<String> provided =
                ctx.proposedPieces().stream().map(p -> p.type().value()).collect(Collectors.toSet());
        List<Violation> out = new ArrayList<>();
        for (RequiredPiece piece : ctx.procedure().piecesFor(data)) {
            if (!provided.contains(piece.type().value())) {
                out.add(Violation.of("pieces", piece.type(), "is required: " + piece.label()));
            }
        }
        return out;
    }

    // ---- preconditions ------------------------------------------------------------------------------

    private static Transition.Precondition implicitDue(ImplicitDecision outcome) {
        return ctx -> {
            ImplicitDeadline d = ctx.request().deadline();
            return ctx.procedure().implicitDecision().decision() == outcome
                    && d != null
                    && d.outcome() == outcome
                    && d.dueBy(ctx.now());
        };
    }

    private static final Transition.Precondition ASKS_PAYMENT =
            ctx -> ctx.procedure().asksPayment();

    private static final Transition.Precondition ASKS_NO_PAYMENT =
            ctx -> !ctx.procedure().asksPayment();

    private static final Transition.Precondition PAYMENT_OVERDUE = ctx -> {
        RequestPayment p = ctx.request().payment();
        return p != null && !ctx.now().isBefore(p.dueBy());
    };

    // ---- effects ------------------------------------------------------------------------------------

    private static final Transition.Effect KEEP_CONTENT =
            (ctx, next) -> next.data(ctx.procedure().schema().validate(ctx.proposedData(), false))
                    .pieces(ctx.proposedPieces());

    private static final Transition.Effect CREATED = (ctx, next) -> {
        KEEP_CONTENT.apply(ctx, next);
        Request r = ctx.request();
        ctx.emit(id -> new RequestCreated(
                id,
                r.tenant(),
                ctx.now(),
                r.id(),
                1,
                r.reference(),
                r.procedure(),
                r.applicant(),
                r.intake().channel()));
    };

    private static final Transition.Effect RECEIVE = (ctx, next) -> {
        KEEP_CONTENT.apply(ctx, next);
        ImplicitDeadline deadline = ctx.deadlines().start(ctx.procedure().implicitDecision(), ctx.now());
        next.receivedAt(ctx.now()).deadline(deadline);
        Request received = next.status(SUBMITTED).current();
        next.acknowledgment(ctx.receipts().issue(received, ctx.procedure(), List.of(), null));
        Request r = ctx.request();
        ctx.emit(id -> new RequestSubmitted(
                id,
                r.tenant(),
                ctx.now(),
                r.id(),
                ctx.nextVersion(),
                r.reference(),
                r.procedure(),
                ctx.now(),
                true,
                deadline == null ? null : deadline.dueAt()));
    };

    private static LocalDate dueBy(TransitionContext ctx) {
        LocalDate given = ctx.input().dueBy();
        return given != null ? given : ctx.today().plus(ctx.procedure().complementDelay());
    }

    private static final Transition.Effect RECEIVE_INCOMPLETE = (ctx, next) -> {
        KEEP_CONTENT.apply(ctx, next);
        LocalDate dueBy = dueBy(ctx);
        PendingComplement pending =
                new PendingComplement(ctx.input().reason(), ctx.input().missing(), dueBy, ctx.now());
        ImplicitDeadline deadline =
                ctx.deadlines().receiveIncomplete(ctx.procedure().implicitDecision(), ctx.now(), dueBy);
        next.receivedAt(ctx.now()).deadline(deadline).complement(pending);
        Request received = next.status(AWAITING_COMPLEMENT).current();
        next.acknowledgment(
                ctx.receipts().issue(received, ctx.procedure(), ctx.input().missing(), dueBy));
        Request r = ctx.request();
        ctx.emit(id -> new RequestSubmitted(
                id,
                r.tenant(),
                ctx.now(),
                r.id(),
                ctx.nextVersion(),
                r.reference(),
                r.procedure(),
                ctx.now(),
                false,
                null));
        ctx.emit(id -> new ComplementRequested(
                id,
                r.tenant(),
                ctx.now(),
                r.id(),
                ctx.nextVersion(),
                ctx.input().missing(),
                dueBy));
    };

    private static final Transition.Effect ASK_COMPLEMENT = (ctx, next) -> {
        LocalDate dueBy = dueBy(ctx);
        ImplicitDeadline d = ctx.request().deadline();
        next.complement(new PendingComplement(ctx.input().reason(), ctx.input().missing(), dueBy, ctx.now()))
                .deadline(d == null ? null : ctx.deadlines().suspendForComplement(d, ctx.now(), dueBy));
        Request r = ctx.request();
        ctx.emit(id -> new ComplementRequested(
                id,
                r.tenant(),
                ctx.now(),
                r.id(),
                ctx.nextVersion(),
                ctx.input().missing(),
                dueBy));
    };

    private static final Transition.Effect TAKE_COMPLEMENT = (ctx, next) -> {
        KEEP_CONTENT.apply(ctx, next);
        ImplicitDeadline d = ctx.request().deadline();
        ImplicitDeadline resumed =
                d == null ? null : ctx.deadlines().resume(ctx.procedure().implicitDecision(), d, ctx.now());
        next.complement(null).deadline(resumed);
        Request r = ctx.request();
        ctx.emit(id -> new ComplementProvided(
                id, r.tenant(), ctx.now(), r.id(), ctx.nextVersion(), resumed == null ? null : resumed.dueAt()));
    };

    private static Transition.Effect decide(RequestStatus outcome) {
        return (ctx, next) -> next.decision(new Decision(
                        outcome,
                        false,
                        ctx.input().reason(),
                        ctx.now(),
                        ctx.actor().ref()))
                .deadline(null)
                .complement(null);
    }

    private static Transition.Effect decideImplicitly(RequestStatus outcome) {
        return (ctx, next) -> {
            ImplicitDeadline d = ctx.request().deadline();
            next.decision(new Decision(
                            outcome, true, null, ctx.now(), ctx.actor().ref()))
                    .deadline(null)
                    .complement(null);
            Request r = ctx.request();
            LocalDate born = d == null ? ctx.today() : d.date();
            ctx.emit(id -> new DeadlineReached(id, r.tenant(), ctx.now(), r.id(), ctx.nextVersion(), outcome, born));
        };
    }

    /** The amount from the démarche's rule and the form, due within the rule's delay (Paris days). */
    private static final Transition.Effect ASK_PAYMENT = (ctx, next) -> {
        KEEP_CONTENT.apply(ctx, next);
        PaymentRule rule = Checks.required("procedure.payment", ctx.procedure().payment());
        String object = rule.object() != null
                ? rule.object()
                : ctx.procedure()
                        .title()
                        .substring(0, Math.min(100, ctx.procedure().title().length()));
        java.time.Instant dueBy = ctx.now()
                .atZone(java.time.ZoneId.of("Europe/Paris"))
                .plus(rule.delay())
                .toInstant();
        next.payment(RequestPayment.due(rule.amountFor(ctx.proposedData()), object, dueBy));
    };

    private static final Transition.Effect TAKE_PAYMENT = (ctx, next) -> {
        RequestPayment due = Checks.required("request.payment", ctx.request().payment());
        next.payment(due.paid(ctx.input().payment().reference(), ctx.now()));
        RECEIVE.apply(ctx, next);
    };

    private static final Transition.Effect LAPSE = (ctx, next) -> {
        RequestPayment due = Checks.required("request.payment", ctx.request().payment());
        next.payment(due.lapsed());
    };

    private static final Transition.Effect WITHDRAW_EFFECT =
            (ctx, next) -> next.deadline(null).complement(null);

    private static final Transition.Effect REOPEN_EFFECT =
            (ctx, next) -> next.decision(null).deadline(null);

    // ---- the table ----------------------------------------------------------------------------------

    /** Every transition of a request. The one place the lifecycle is declared. */
    public static final List<Transition> TABLE = List.of(
            new Transition(
                    RequestAction.CREATE,
                    Set.of(),
                    DRAFT,
                    Set.of(APPLICANT, AGENT),
                    "",
                    Transition.Precondition.ALWAYS,
                    "the démarche is open to the applicant's kind; given values are valid",
                    ELIGIBLE.and(WELL_FORMED),
                    "a draft with its reference; an agent's draft is recorded as keyed in",
                    CREATED),
            new Transition(
                    RequestAction.EDIT,
                    Set.of(DRAFT),
                    DRAFT,
                    Set.of(APPLICANT, KEYING_AGENT),
                    "",
                    Transition.Precondition.ALWAYS,
                    "given values are valid",
                    WELL_FORMED,
                    "form data and pieces updated",
                    KEEP_CONTENT),
            new Transition(
                    RequestAction.SUBMIT,
                    Set.of(DRAFT),
                    SUBMITTED,
                    Set.of(APPLICANT, KEYING_AGENT),
                    "the démarche asks no payment",
                    ASKS_NO_PAYMENT,
                    "data valid against the schema and every required piece present",
                    COMPLETE,
                    "date of receipt, implicit-decision deadline started, accusé de réception issued",
                    RECEIVE),
            new Transition(
                    RequestAction.SUBMIT,
                    Set.of(DRAFT),
                    AWAITING_PAYMENT,
                    Set.of(APPLICANT, KEYING_AGENT),
                    "the démarche asks a payment",
                    ASKS_PAYMENT,
                    "data valid against the schema and every required piece present; the amount computable",
                    COMPLETE,
                    "amount due from the démarche's rule and the form, to pay within its delay (à payer)",
                    ASK_PAYMENT),
            new Transition(
                    RequestAction.RECORD_PAYMENT,
                    Set.of(AWAITING_PAYMENT),
                    SUBMITTED,
                    Set.of(SYSTEM, AGENT),
                    "",
                    Transition.Precondition.ALWAYS,
                    "the receipt of the amount due",
                    PAID_IN_FULL,
                    "paid; date of receipt, implicit-decision deadline started, accusé de réception issued",
                    TAKE_PAYMENT),
            new Transition(
                    RequestAction.LAPSE_PAYMENT,
                    Set.of(AWAITING_PAYMENT),
                    WITHDRAWN,
                    Set.of(SYSTEM),
                    "the payment's deadline passed",
                    PAYMENT_OVERDUE,
                    "",
                    Transition.Guard.NONE,
                    "not paid in time: withdrawn (réputée abandonnée)",
                    LAPSE),
            new Transition(
                    RequestAction.REGISTER_INCOMPLETE,
                    Set.of(DRAFT),
                    AWAITING_COMPLEMENT,
                    Set.of(KEYING_AGENT),
                    "",
                    Transition.Precondition.ALWAYS,
                    "given values valid; a reason and the list of what is missing",
                    WELL_FORMED.and(REASON).and(MISSING_LISTED),
                    "received incomplete: accusé de réception listing the missing pieces; the period starts with them",
                    RECEIVE_INCOMPLETE),
            new Transition(
                    RequestAction.START_REVIEW,
                    Set.of(SUBMITTED),
                    IN_REVIEW,
                    Set.of(AGENT),
                    "",
                    Transition.Precondition.ALWAYS,
                    "",
                    Transition.Guard.NONE,
                    "",
                    Transition.Effect.NONE),
            new Transition(
                    RequestAction.REQUEST_COMPLEMENT,
                    Set.of(IN_REVIEW),
                    AWAITING_COMPLEMENT,
                    Set.of(AGENT),
                    "",
                    Transition.Precondition.ALWAYS,
                    "a reason and the list of what is missing",
                    REASON.and(MISSING_LISTED),
                    "implicit-decision period suspended",
                    ASK_COMPLEMENT),
            new Transition(
                    RequestAction.PROVIDE_COMPLEMENT,
                    Set.of(AWAITING_COMPLEMENT),
                    IN_REVIEW,
                    Set.of(APPLICANT, AGENT),
                    "",
                    Transition.Precondition.ALWAYS,
                    "data valid and every required piece present",
                    COMPLETE,
                    "implicit-decision period resumes (continue or restart)",
                    TAKE_COMPLEMENT),
            new Transition(
                    RequestAction.ACCEPT,
                    Set.of(IN_REVIEW),
                    ACCEPTED,
                    Set.of(AGENT),
                    "",
                    Transition.Precondition.ALWAYS,
                    "",
                    Transition.Guard.NONE,
                    "express decision",
                    decide(ACCEPTED)),
            new Transition(
                    RequestAction.REJECT,
                    Set.of(IN_REVIEW),
                    REJECTED,
                    Set.of(AGENT),
                    "",
                    Transition.Precondition.ALWAYS,
                    "a reason",
                    REASON,
                    "express decision",
                    decide(REJECTED)),
            new Transition(
                    RequestAction.CLOSE_WITHOUT_FOLLOW_UP,
                    Set.of(SUBMITTED, IN_REVIEW, AWAITING_COMPLEMENT),
                    CLOSED_WITHOUT_FOLLOW_UP,
                    Set.of(AGENT),
                    "",
                    Transition.Precondition.ALWAYS,
                    "a reason",
                    REASON,
                    "closed (classée sans suite)",
                    decide(CLOSED_WITHOUT_FOLLOW_UP)),
            new Transition(
                    RequestAction.WITHDRAW,
                    Set.of(DRAFT, AWAITING_PAYMENT, SUBMITTED, IN_REVIEW, AWAITING_COMPLEMENT),
                    WITHDRAWN,
                    Set.of(APPLICANT),
                    "",
                    Transition.Precondition.ALWAYS,
                    "",
                    Transition.Guard.NONE,
                    "no decision will be taken",
                    WITHDRAW_EFFECT),
            new Transition(
                    RequestAction.REOPEN,
                    Set.of(ACCEPTED, REJECTED, CLOSED_WITHOUT_FOLLOW_UP),
                    IN_REVIEW,
                    Set.of(AGENT),
                    "",
                    Transition.Precondition.ALWAYS,
                    "a reason",
                    REASON,
                    "decision withdrawn; no implicit decision any more",
                    REOPEN_EFFECT),
            new Transition(
                    RequestAction.IMPLICIT_ACCEPT,
                    Set.of(SUBMITTED, IN_REVIEW),
                    ACCEPTED,
                    Set.of(SYSTEM),
                    "silence vaut accord and the deadline passed",
                    implicitDue(ImplicitDecision.ACCEPTANCE),
                    "",
                    Transition.Guard.NONE,
                    "implicit acceptance",
                    decideImplicitly(ACCEPTED)),
            new Transition(
                    RequestAction.IMPLICIT_REJECT,
                    // L114-5 CRPA: the pieces' time given runs out and the period goes on without them.
                    Set.of(SUBMITTED, IN_REVIEW, AWAITING_COMPLEMENT),
                    REJECTED,
                    Set.of(SYSTEM),
                    "silence vaut rejet and the deadline passed",
                    implicitDue(ImplicitDecision.REJECTION),
                    "",
                    Transition.Guard.NONE,
                    "implicit rejection",
                    decideImplicitly(REJECTED)));

    private final List<Transition> table;

    private RequestLifecycle(List<Transition> table) {
        this.table = table;
    }

    /** The standard lifecycle. */
    public static RequestLifecycle standard() {
        return new RequestLifecycle(TABLE);
    }

    public List<Transition> transitions() {
        return table;
    }

    /** The row for that action from that state ({@code null} state: creation), if any. */
    public java.util.Optional<Transition> find(RequestAction action, @Nullable RequestStatus from) {
        return table.stream()
                .filter(t -> t.action() == action
                        && (from == null ? t.creates() : t.from().contains(from)))
                .findFirst();
    }

    /**
     * The row the actor may fire, or an {@link IllegalTransitionException} naming the request, its state,
     * the action and the actor. Checks state, role and precondition; not the guard.
     */
    Transition select(TransitionContext ctx, RequestAction action, Set<ActorRole> roles, boolean creating) {
        Request r = ctx.request();
        String state = creating ? "(new)" : r.status().name();
        // Several rows may share an action and a state, told apart by their preconditions (a démarche with
        // or without payment): the first whose precondition holds, else the first, refused below.
        RequestStatus from = creating ? null : r.status();
        Transition t = table.stream()
                .filter(row -> row.action() == action
                        && (from == null ? row.creates() : row.from().contains(from))
                        && row.precondition().holds(ctx))
                .findFirst()
                .orElse(find(action, from).orElse(null));
        if (t == null) {
            throw new IllegalTransitionException(
                    "request",
                    r.id().toString(),
                    state,
                    action.name(),
                    ctx.actor().toString(),
                    "not possible from this state");
        }
        if (t.actors().stream().noneMatch(roles::contains)) {
            throw new IllegalTransitionException(
                    "request",
                    r.id().toString(),
                    state,
                    action.name(),
                    ctx.actor().toString(),
                    "only " + t.actors() + " may, the actor is "
                            + (roles.isEmpty() ? "none of them" : roles.toString()));
        }
        if (!t.precondition().holds(ctx)) {
            throw new IllegalTransitionException(
                    "request",
                    r.id().toString(),
                    state,
                    action.name(),
                    ctx.actor().toString(),
                    "not available: " + t.preconditionDescription());
        }
        return t;
    }

    /** The actions these roles may fire on the request now (state, role and precondition; guards need input). */
    Set<RequestAction> permittedActions(TransitionContext ctx, Set<ActorRole> roles) {
        Set<RequestAction> out = EnumSet.noneOf(RequestAction.class);
        for (Transition t : table) {
            if (!t.creates()
                    && t.from().contains(ctx.request().status())
                    && t.actors().stream().anyMatch(roles::contains)
                    && t.precondition().holds(ctx)) {
                out.add(t.action());
            }
        }
        return out;
    }

    /** The lifecycle as a Mermaid state diagram, one edge per (from, action). */
    public String toMermaid() {
        StringBuilder sb = new StringBuilder("stateDiagram-v2\n");
        forEachEdge(
                "[*]",
                (from, t) -> sb.append("    ")
                        .append(from)
                        .append(" --> ")
                        .append(t.to())
                        .append(" : ")
                        .append(t.action().name())
                        .append(" (")
                        .append(roles(t))
                        .append(")\n"));
        return sb.toString();
    }

    /** The lifecycle as a Graphviz DOT digraph. */
    public String toDot() {
        StringBuilder sb = new StringBuilder(
                "digraph request_lifecycle {\n    rankdir=LR;\n    node [shape=box, style=rounded];\n");
        sb.append("    start [shape=point];\n");
        forEachEdge(
                "start",
                (from, t) -> sb.append("    ")
                        .append(from)
                        .append(" -> ")
                        .append(t.to())
                        .append(" [label=\"")
                        .append(t.action().name())
                        .append("\\n(")
                        .append(roles(t))
                        .append(")\"];\n"));
        return sb.append("}\n").toString();
    }

    /** Every edge of the table in order, from {@code start} for a transition that creates the request. */
    private void forEachEdge(String start, java.util.function.BiConsumer<String, Transition> edge) {
        for (Transition t : table) {
            if (t.creates()) {
                edge.accept(start, t);
            }
            for (RequestStatus from : sorted(t.from())) {
                edge.accept(from.name(), t);
            }
        }
    }

    /** The table as Markdown, for the docs. */
    public String toMarkdownTable() {
        StringBuilder sb = new StringBuilder(
                "| action | from | to | who | guard | effects |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Transition t : table) {
            String from = t.creates()
                    ? "—"
                    : sorted(t.from()).stream().map(Enum::name).collect(Collectors.joining(", "));
            String guard = join(t.preconditionDescription(), t.guardDescription());
            sb.append("| ")
                    .append(t.action())
                    .append(" | ")
                    .append(from)
                    .append(" | ")
                    .append(t.to())
                    .append(" | ")
                    .append(roles(t))
                    .append(" | ")
                    .append(guard.isEmpty() ? "—" : guard)
                    .append(" | ")
                    .append(t.effectDescription().isEmpty() ? "—" : t.effectDescription())
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    private static List<RequestStatus> sorted(Set<RequestStatus> states) {
        return states.stream().sorted().toList();
    }

    private static String roles(Transition t) {
        Set<String> names = new LinkedHashSet<>();
        for (ActorRole r : ActorRole.values()) {
            if (t.actors().contains(r)) {
                names.add(r.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
        return String.join(", ", names);
    }
}
