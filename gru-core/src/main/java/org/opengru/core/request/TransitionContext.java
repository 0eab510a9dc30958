package org.opengru.core.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opengru.core.acknowledgment.Acknowledgment;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.deadline.DeadlineCalculator;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.EventId;
import org.opengru.core.principal.Principal;
import org.opengru.core.usager.UsagerKind;

/**
 * What a guard or an effect sees: the request before the action (for a creation, the new draft), its
 * démarche version, the actor, the command's input, the time, and the services effects need.
 */
public final class TransitionContext {

    /** Issues the accusé de réception of a request being received. */
    @FunctionalInterface
    public interface Receipts {
        Acknowledgment issue(
                Request received, Procedure procedure, List<String> missing, @Nullable LocalDate complementDueBy);
    }

    private final Request request;
    private final Procedure procedure;
    private final Principal actor;
    private final ActionInput input;
    private final Instant now;
    private final DeadlineCalculator deadlines;
    private final Receipts receipts;
    private final @Nullable UsagerKind applicantKind;
    private final java.util.function.Supplier<EventId> eventIds;
    private final List<DomainEvent> events = new ArrayList<>();

    public TransitionContext(
            Request request,
            Procedure procedure,
            Principal actor,
            ActionInput input,
            Instant now,
            DeadlineCalculator deadlines,
            Receipts receipts,
            @Nullable UsagerKind applicantKind,
            java.util.function.Supplier<EventId> eventIds) {
        this.request = request;
        this.procedure = procedure;
        this.actor = actor;
        this.input = input;
        this.now = now;
        this.deadlines = deadlines;
        this.receipts = receipts;
        this.applicantKind = applicantKind;
        this.eventIds = eventIds;
    }

    public Request request() {
        return request;
    }

    public Procedure procedure() {
        return procedure;
    }

    public Principal actor() {
        return actor;
    }

    public ActionInput input() {
        return input;
    }

    public Instant now() {
        return now;
    }

    public LocalDate today() {
        return deadlines.day(now);
    }

    public DeadlineCalculator deadlines() {
        return deadlines;
    }

    public Receipts receipts() {
        return receipts;
    }

    /** The applicant's kind, known when creating (to check who the démarche is open to). */
    public @Nullable UsagerKind applicantKind() {
        return applicantKind;
    }

    /** The request's form data with the input's values applied. */
    public FormData proposedData() {
        FormData given = input.data();
        return given == null ? request.data() : request.data().merge(given);
    }

    /** The request's pieces with the input's pieces replacing those of the same type. */
    public List<ProvidedPiece> proposedPieces() {
        if (input.pieces().isEmpty()) {
            return request.pieces();
        }
        Map<DocumentTypeCode, ProvidedPiece> byType = new LinkedHashMap<>();
        for (ProvidedPiece p : request.pieces()) {
            byType.put(p.type(), p);
        }
        for (ProvidedPiece p : input.pieces()) {
            byType.put(p.type(), p);
        }
        return List.copyOf(byType.values());
    }

    /** The version the request will have after this action. */
    public long nextVersion() {
        return isCreation ? 1 : request.version() + 1;
    }

    private boolean isCreation;

    void markCreation() {
        isCreation = true;
    }

    /** Queues an event, built with a fresh event id; published once the change is stored. */
    public void emit(Function<EventId, DomainEvent> event) {
        events.add(event.apply(eventIds.get()));
    }

    List<DomainEvent> events() {
        return events;
    }
}
