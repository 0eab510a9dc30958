package org.opengru.core.stats;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.internal.Checks;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestStatus;

/**
 * What statistics need of one received request, and nothing more: no id, no usager.
 *
 * @param outcome the decision (ACCEPTED, REJECTED, CLOSED_WITHOUT_FOLLOW_UP), or null while undecided
 * @param procedure the démarche
 * @param receivedAt when it was received
 * @param decidedAt when it was decided, or {@code null}
 * @param implicit whether the decision was implicit
 */
public record RequestFacts(
        ProcedureCode procedure,
        Instant receivedAt,
        @Nullable Instant decidedAt,
        @Nullable RequestStatus outcome,
        boolean implicit) {

    /**
     * Checks that the required parts are present.
     *
     * @param procedure the démarche
     * @param receivedAt when it was received
     * @param decidedAt when it was decided, or {@code null}
     * @param outcome the decision (ACCEPTED, REJECTED, CLOSED_WITHOUT_FOLLOW_UP), or null while undecided
     * @param implicit whether the decision was implicit
     * @throws NullPointerException naming the missing part
     */
    public RequestFacts {
        Checks.required("facts.procedure", procedure);
        Checks.required("facts.receivedAt", receivedAt);
        Checks.check((decidedAt == null) == (outcome == null), "facts.outcome", outcome, "goes with decidedAt");
    }

    /**
     * The facts of a request, or null when it was never received (a draft).
     *
     * @param r the request
     * @return the facts, or {@code null}
     */
    public static @Nullable RequestFacts of(Request r) {
        if (r.receivedAt() == null) {
            return null;
        }
        return new RequestFacts(
                r.procedure().code(),
                r.receivedAt(),
                r.decision() == null ? null : r.decision().at(),
                r.decision() == null ? null : r.decision().outcome(),
                r.decision() != null && r.decision().implicit());
    }
}
