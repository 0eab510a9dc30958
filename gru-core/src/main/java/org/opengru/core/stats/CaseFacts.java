package org.opengru.core.stats;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.id.TeamId;
import org.opengru.core.internal.Checks;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestStatus;

/**
 * What the team lead's dashboard (tableau de bord du responsable de service) needs of one received request:
 * no id, no usager, nothing a page could name a person with.
 *
 * @param decidedAt when it was decided (explicitly or implicitly), or null
 * @param implicitDueAt when its implicit decision is born, while that deadline runs; null without a
 *     deadline or while it is suspended (complement awaited)
 *
 * @param procedure the démarche
 * @param team the team it is routed to
 * @param status its status now
 * @param receivedAt when it was received
 * @param implicit whether the decision was implicit (silence)
 */
public record CaseFacts(
        ProcedureCode procedure,
        TeamId team,
        RequestStatus status,
        Instant receivedAt,
        @Nullable Instant decidedAt,
        boolean implicit,
        @Nullable Instant implicitDueAt) {

    /**
     * Checks that the required parts are present.
     *
     * @param procedure the démarche
     * @param team the team it is routed to
     * @param status its status now
     * @param receivedAt when it was received
     * @param decidedAt when it was decided (explicitly or implicitly), or null
     * @param implicit whether the decision was implicit (silence)
     * @param implicitDueAt when its implicit decision is born, while that deadline runs; null without a
     *     deadline or while it is suspended (complement awaited)
     * @throws NullPointerException naming the missing part
     */
    public CaseFacts {
        Checks.required("facts.procedure", procedure);
        Checks.required("facts.team", team);
        Checks.required("facts.status", status);
        Checks.required("facts.receivedAt", receivedAt);
        Checks.check(status != RequestStatus.DRAFT, "facts.status", status, "is never received");
    }

    /**
     * The facts of a request, or null when it was never received (a draft).
     *
     * @param r the request
     * @return the facts, or {@code null}
     */
    public static @Nullable CaseFacts of(Request r) {
        if (r.receivedAt() == null || r.status() == RequestStatus.DRAFT) {
            return null;
        }
        return new CaseFacts(
                r.procedure().code(),
                r.team(),
                r.status(),
                r.receivedAt(),
                r.decision() == null ? null : r.decision().at(),
                r.decision() != null && r.decision().implicit(),
                r.deadline() != null && r.deadline().running() ? r.deadline().dueAt() : null);
    }

    /**
     * Received and not decided nor withdrawn yet.
     *
     * @return {@code true} while open
     */
    public boolean open() {
        return status == RequestStatus.SUBMITTED
                || status == RequestStatus.IN_REVIEW
                || status == RequestStatus.AWAITING_COMPLEMENT;
    }

    /**
     * Decided by the collectivité: accepted, rejected or closed without follow-up (not withdrawn).
     *
     * @return {@code true} when decided
     */
    public boolean decided() {
        return decidedAt != null && status != RequestStatus.WITHDRAWN;
    }
}
