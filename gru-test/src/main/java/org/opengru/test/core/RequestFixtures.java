package org.opengru.test.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ImplicitDecision;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.ProcedureRef;
import org.opengru.core.deadline.ImplicitDeadline;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.EventId;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.ReferenceGenerator;
import org.opengru.core.id.ReferenceSequence;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.intake.Intake;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.request.Decision;
import org.opengru.core.request.HistoryEntry;
import org.opengru.core.request.IdempotencyRecord;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestAction;
import org.opengru.core.request.RequestChange;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.request.RequestStatusChanged;
import org.opengru.core.tenancy.TenantId;

/**
 * Builds {@link RequestChange}s for store tests without the whole service: a draft, then status moves,
 * each with its history entry and its event. Each fixture has a collectivité of its own, so that tests
 * sharing one database do not see each other.
 */
public final class RequestFixtures {

    public static final ProcedureRef PROCEDURE = new ProcedureRef(ProcedureCode.of("inscription-cantine"), 1);
    public static final TeamId TEAM = TeamId.of("enfance");
    public static final ActorRef AGENT = new ActorRef(ActorKind.AGENT, "jdupont");

    private final TenantId tenant;
    private final ReferenceGenerator references;
    private final IdGenerator ids = IdGenerator.create(Clock.systemUTC());

    public RequestFixtures() {
        this(TenantId.of("commune-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    public RequestFixtures(TenantId tenant) {
        this(tenant, ReferenceSequence.inMemory());
    }

    /** Fixtures whose references come from {@code sequence} (a database's, to file requests for real). */
    public RequestFixtures(TenantId tenant, ReferenceSequence sequence) {
        this.tenant = tenant;
        this.references = ReferenceGenerator.fromSequence(sequence);
    }

    public TenantId tenant() {
        return tenant;
    }

    /** Time-ordered ids (UUIDv7). */
    public RequestId newRequestId() {
        return ids.newRequestId();
    }

    /** A draft by the applicant, version 1, with its CREATE history entry and event. */
    public RequestChange draft(UsagerId applicant, Instant at, @Nullable IdempotencyKey key) {
        return draft(applicant, null, at, key);
    }

    /** A draft by the applicant on behalf of {@code beneficiary} (or for themselves when null). */
    public RequestChange draft(
            UsagerId applicant, @Nullable UsagerId beneficiary, Instant at, @Nullable IdempotencyKey key) {
        RequestId id = newRequestId();
        ActorRef actor = new ActorRef(ActorKind.USAGER, applicant.toString());
        Request r = new Request(
                id,
                tenant,
                references.next(tenant),
                PROCEDURE,
                TEAM,
                applicant,
                beneficiary,
                actor,
                Intake.selfService(Channel.WEB),
                RequestStatus.DRAFT,
                FormData.of("nom", "Martin", "enfants", 2),
                List.of(),
                1,
                at,
                at,
                null,
                null,
                null,
                null,
                null,
                null);
        HistoryEntry h = new HistoryEntry(
                id, 1, at, actor, Channel.WEB, RequestAction.CREATE, null, RequestStatus.DRAFT, null, false);
        return new RequestChange(
                r,
                0,
                List.of(h),
                List.of(event(r, null, RequestAction.CREATE, actor, at)),
                key == null ? null : new IdempotencyRecord(tenant, key, "CREATE:" + applicant, id, 1, at));
    }

    /** Moves a stored request to {@code to} (SUBMITTED or IN_REVIEW) with the next version. */
    public RequestChange move(
            Request current,
            int nextSequence,
            RequestAction action,
            RequestStatus to,
            ActorRef actor,
            Instant at,
            @Nullable IdempotencyKey key) {
        Request.Builder b =
                current.toBuilder().status(to).version(current.version() + 1).updatedAt(at);
        if (current.receivedAt() == null && to != RequestStatus.DRAFT) {
            b.receivedAt(at);
        }
        Request next = b.build();
        HistoryEntry h = new HistoryEntry(
                current.id(), nextSequence, at, actor, Channel.WEB, action, current.status(), to, null, false);
        return new RequestChange(
                next,
                current.version(),
                List.of(h),
                List.of(event(next, current.status(), action, actor, at)),
                key == null
                        ? null
                        : new IdempotencyRecord(
                                tenant, key, action + ":" + current.id(), current.id(), next.version(), at));
    }

    /** Edits a draft's data (history sequence = the version it produces). */
    public RequestChange edit(Request current, FormData data, ActorRef actor, Instant at) {
        Request next = current.toBuilder()
                .data(data)
                .version(current.version() + 1)
                .updatedAt(at)
                .build();
        HistoryEntry h = new HistoryEntry(
                current.id(),
                (int) next.version(),
                at,
                actor,
                Channel.WEB,
                RequestAction.EDIT,
                current.status(),
                current.status(),
                null,
                false);
        return new RequestChange(
                next,
                current.version(),
                List.of(h),
                List.of(event(next, current.status(), RequestAction.EDIT, actor, at)),
                null);
    }

    /** Submits a draft (history sequence 2). */
    public RequestChange submit(Request draft, Instant at, @Nullable IdempotencyKey key) {
        return move(
                draft,
                2,
                RequestAction.SUBMIT,
                RequestStatus.SUBMITTED,
                new ActorRef(ActorKind.USAGER, draft.applicant().toString()),
                at,
                key);
    }

    /** Decides a received request (history sequence = the version it produces). */
    public RequestChange decide(Request current, RequestStatus outcome, boolean implicit, Instant at) {
        ActorRef actor = implicit ? new ActorRef(ActorKind.SYSTEM, "deadline-sweeper") : AGENT;
        Request next = current.toBuilder()
                .status(outcome)
                .decision(new Decision(
                        outcome, implicit, outcome == RequestStatus.REJECTED ? "Pièce manquante" : null, at, actor))
                .deadline(null)
                .version(current.version() + 1)
                .updatedAt(at)
                .build();
        RequestAction action = implicit
                ? RequestAction.IMPLICIT_ACCEPT
                : outcome == RequestStatus.ACCEPTED ? RequestAction.ACCEPT : RequestAction.REJECT;
        HistoryEntry h = new HistoryEntry(
                current.id(),
                (int) next.version(),
                at,
                actor,
                Channel.SYSTEM,
                action,
                current.status(),
                outcome,
                next.decision().reason(),
                implicit);
        return new RequestChange(
                next, current.version(), List.of(h), List.of(event(next, current.status(), action, actor, at)), null);
    }

    /** Submits with an implicit-acceptance deadline due at {@code dueAt}. */
    public RequestChange submitWithDeadline(Request draft, Instant at, Instant dueAt) {
        RequestChange plain = submit(draft, at, null);
        Request withDeadline = plain.request().toBuilder()
                .deadline(new ImplicitDeadline(
                        ImplicitDecision.ACCEPTANCE, LocalDate.ofInstant(dueAt, ZoneOffset.UTC), dueAt, null, false))
                .build();
        return new RequestChange(withDeadline, plain.expectedVersion(), plain.history(), plain.events(), null);
    }

    /** An agent takes a received request in hand (history sequence = the version it produces). */
    public RequestChange assign(Request current, AgentId agent, Instant at) {
        Request next = current.toBuilder()
                .assignee(agent)
                .version(current.version() + 1)
                .updatedAt(at)
                .build();
        HistoryEntry h = new HistoryEntry(
                current.id(),
                (int) next.version(),
                at,
                new ActorRef(ActorKind.AGENT, agent.value()),
                Channel.WEB,
                RequestAction.ASSIGN,
                current.status(),
                current.status(),
                null,
                false);
        return new RequestChange(next, current.version(), List.of(h), List.of(), null);
    }

    private DomainEvent event(
            Request r, @Nullable RequestStatus from, RequestAction action, ActorRef actor, Instant at) {
        return new RequestStatusChanged(
                EventId.of(UUID.randomUUID()),
                tenant,
                at,
                r.id(),
                r.version(),
                from == null ? r.status() : from,
                r.status(),
                action,
                actor,
                false);
    }

    /** Every history entry, for assertions. */
    public static List<HistoryEntry> historyOf(List<RequestChange> changes) {
        List<HistoryEntry> all = new ArrayList<>();
        for (RequestChange c : changes) {
            all.addAll(c.history());
        }
        return all;
    }
}
