package org.opengru.core.request;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.internal.Checks;

/**
 * One command's whole effect on a request, for a store to apply atomically (one transaction): the new
 * state, checked against {@code expectedVersion} (0: the request must not exist yet); the history entries
 * to append (one version each: usually one, two for an agent's key-in); the events for the transactional
 * outbox; and the idempotency record of the command, if it had a key. Either all of it is stored or none
 * of it.
 */
public record RequestChange(
        Request request,
        long expectedVersion,
        List<HistoryEntry> history,
        List<DomainEvent> events,
        @Nullable IdempotencyRecord idempotency) {

    public RequestChange {
        Checks.required("change.request", request);
        Checks.check(expectedVersion >= 0, "change.expectedVersion", expectedVersion, "must be 0 or more");
        history = List.copyOf(Checks.required("change.history", history));
        Checks.check(!history.isEmpty(), "change.history", history, "must hold at least one entry");
        // One version per history entry: a command of several steps (an agent's key-in) moves it by each.
        int steps = history.size();
        Checks.check(
                request.version() == expectedVersion + steps,
                "change.request.version",
                request.version(),
                () -> "must be expectedVersion + " + steps + " history entries = " + (expectedVersion + steps));
        for (HistoryEntry h : history) {
            Checks.check(
                    h.requestId().equals(request.id()),
                    "change.history.requestId",
                    h.requestId(),
                    () -> "must be " + request.id());
        }
        HistoryEntry last = history.get(history.size() - 1);
        Checks.check(
                last.to() == request.status(),
                "change.history.to",
                last.to(),
                () -> "the last entry must lead to the status " + request.status());
        events = List.copyOf(Checks.required("change.events", events));
        for (DomainEvent e : events) {
            Checks.check(
                    e.tenant().equals(request.tenant()),
                    "change.events.tenant",
                    e.tenant(),
                    () -> "must be " + request.tenant());
        }
        if (idempotency != null) {
            Checks.check(
                    idempotency.tenant().equals(request.tenant()),
                    "change.idempotency.tenant",
                    idempotency.tenant(),
                    () -> "must be " + request.tenant());
            Checks.check(
                    idempotency.requestId().equals(request.id()),
                    "change.idempotency.requestId",
                    idempotency.requestId(),
                    () -> "must be " + request.id());
            Checks.check(
                    idempotency.resultVersion() == request.version(),
                    "change.idempotency.resultVersion",
                    idempotency.resultVersion(),
                    () -> "must be " + request.version());
        }
    }
}
