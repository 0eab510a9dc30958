package org.opengru.core.request;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;
import org.opengru.core.principal.ActorRef;

/** The decision on a request: its outcome, whether it is implicit, the reason given, when and by whom. */
public record Decision(
        RequestStatus outcome, boolean implicit, @Nullable String reason, Instant at, ActorRef by) {

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
