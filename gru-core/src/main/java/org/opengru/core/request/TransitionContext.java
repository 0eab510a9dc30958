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
        /**
         * Issues the accusé de réception with the CRPA's mentions.
         *
         * @param received the request being received
         * @param procedure its démarche version
         * @param missing what is missing, for a request received incomplete
         * @param complementDueBy when the missing pieces are due, or {@code null}
         * @return the acknowledgment
         */
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

    /**
     * A context for one action.
     *
     * @param request the request before the action (for a creation, the new draft)
     * @param procedure its démarche version
     * @param actor who acts
     * @param input the command's input
     * @param now the time of the action
     * @param deadlines how deadlines are counted
     * @param receipts issues the accusé de réception
     * @param applicantKind the applicant's kind when creating, else {@code null}
     * @param eventIds the ids of the events the effects emit
     */
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

    /**
     * The request before the action.
     *
     * @return the request
     */
    public Request request() {
        return request;
    }

    /**
     * Its démarche version.
     *
     * @return the démarche
     */
    public Procedure procedure() {
        return procedure;
    }

    /**
     * Who acts.
     *
     * @return the principal
     */
    public Principal actor() {
        return actor;
    }

    /**
     * The command's input.
     *
     * @return the input
     */
    public ActionInput input() {
        return input;
    }

    /**
     * The time of the action.
     *
     * @return the instant
     */
    public Instant now() {
        return now;
    }

    /**
     * The date of the action, as the deadline calculator counts days.
     *
     * @return the date
     */
    public LocalDate today() {
        return deadlines.day(now);
    }

    /**
     * How deadlines are counted.
     *
     * @return the calculator
     */
    public DeadlineCalculator deadlines() {
        return deadlines;
    }

    /**
     * Issues the accusé de réception.
     *
     * @return the receipts
     */
    public Receipts receipts() {
        return receipts;
    }

    /**
     * The applicant's kind, known when creating (to check who the démarche is open to).
     *
     * @return the kind, or {@code null}
     */
    public @Nullable UsagerKind applicantKind() {
        return applicantKind;
    }

    /**
     * The request's form data with the input's values applied.
     *
     * @return the data
     */
    public FormData proposedData() {
        FormData given = input.data();
        return given == null ? request.data() : request.data().merge(given);
    }

    /**
     * The request's pieces with the input's pieces replacing those of the same type.
     *
     * @return the pieces
     */
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

    /**
     * The version the request will have after this action.
     *
     * @return the version
     */
    public long nextVersion() {
        return isCreation ? 1 : request.version() + 1;
    }

    private boolean isCreation;

    void markCreation() {
        isCreation = true;
    }

    /**
     * Queues an event, built with a fresh event id; published once the change is stored.
     *
     * @param event builds the event from its id
     */
    public void emit(Function<EventId, DomainEvent> event) {
        events.add(event.apply(eventIds.get()));
    }

    List<DomainEvent> events() {
        return events;
    }
}
