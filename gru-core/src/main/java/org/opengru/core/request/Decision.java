package org.opengru.core.request;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;
import org.opengru.core.principal.ActorRef;

/**
 * The decision on a request: its outcome, whether it is implicit, the reason given, when and by whom.
 *
 * @param outcome accepted, rejected or closed
 * @param implicit whether it came from the administration's silence (SVA/SVR)
 * @param reason the reason the usager reads, or {@code null}
 * @param at when
 * @param by the agent, or the system for an implicit decision
 */
public record Decision(
        RequestStatus outcome, boolean implicit, @Nullable String reason, Instant at, ActorRef by) {

    /**
     * Checks the decision.
     *
     * @param outcome accepted, rejected or closed
     * @param implicit whether it came from the administration's silence (SVA/SVR)
     * @param reason the reason the usager reads, or {@code null}
     * @param at when
     * @param by the agent, or the system for an implicit decision
     * @throws NullPointerException naming a missing value
     */
    public Decision {
        Checks.required("decision.outcome", outcome);
        Checks.check(
                outcome.decided(),
                "decision.outcome",
                outcome,
                "must be ACCEPTED, REJECTED or CLOSED_WITHOUT_FOLLOW_UP");
        Checks.required("decision.at", at);
        Checks.required("decision.by", by);
    }
}
