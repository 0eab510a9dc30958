package org.opengru.core.request;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.RequestId;
import org.opengru.core.intake.Channel;
import org.opengru.core.internal.Checks;
import org.opengru.core.principal.ActorRef;

/**
 * One line of a request's history, appended by every action and never changed: sequence number (1, 2,
 * 3...), when, who (pseudonymous), through which channel, which action, from which status to which, the
 * reason given, and whether it was an implicit decision.
 *
 * @param requestId the request
 * @param sequence its number in the request's history, from 1
 * @param at when
 * @param actor who acted (pseudonymous)
 * @param channel how the action came
 * @param action the action
 * @param from the status before, or {@code null} for the creation
 * @param to the status after
 * @param reason the reason given, or {@code null}; for an {@link RequestAction#ASSIGN} by which an agent
 *     handed the request over to a colleague, the colleague ({@code agent:<id>})
 * @param implicit whether the system recorded an implicit decision
 */
public record HistoryEntry(
        RequestId requestId,
        int sequence,
        Instant at,
        ActorRef actor,
        Channel channel,
        RequestAction action,
        @Nullable RequestStatus from,
        RequestStatus to,
        @Nullable String reason,
        boolean implicit) {

    /**
     * Checks the entry.
     *
     * @param requestId the request
     * @param sequence its number in the request's history, from 1
     * @param at when
     * @param actor who acted (pseudonymous)
     * @param channel how the action came
     * @param action the action
     * @param from the status before, or {@code null} for the creation
     * @param to the status after
     * @param reason the reason given, or {@code null}
     * @param implicit whether the system recorded an implicit decision
     * @throws NullPointerException naming a missing value
     */
    public HistoryEntry {
        Checks.required("history.requestId", requestId);
        Checks.check(sequence >= 1, "history.sequence", sequence, "must be 1 or more");
        Checks.required("history.at", at);
        Checks.required("history.actor", actor);
        Checks.required("history.channel", channel);
        Checks.required("history.action", action);
        Checks.required("history.to", to);
        Checks.check(
                (from == null) == (action == RequestAction.CREATE),
                "history.from",
                from,
                "is absent exactly for CREATE");
    }
}
