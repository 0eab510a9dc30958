package org.opengru.core.request;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.RequestId;
import org.opengru.core.internal.Checks;

/**
 * A page of requests, newest first: only these statuses (all when empty), strictly older than {@code
 * before} (keyset pagination on the time-ordered id: pass the last id of the previous page), at most
 * {@code limit} (1 to 500).
 */
public record RequestQuery(
        Set<RequestStatus> statuses, @Nullable RequestId before, int limit) {

    public RequestQuery {
        statuses = Set.copyOf(Checks.required("statuses", statuses));
        Checks.check(limit >= 1 && limit <= 500, "limit", limit, "must be between 1 and 500");
    }

    /** The first page of 50, any status. */
    public static RequestQuery firstPage() {
        return new RequestQuery(Set.of(), null, 50);
    }

    public static RequestQuery of(Set<RequestStatus> statuses, int limit) {
        return new RequestQuery(statuses, null, limit);
    }

    public RequestQuery after(RequestId lastOfPreviousPage) {
        return new RequestQuery(statuses, lastOfPreviousPage, limit);
    }

    /** Whether a request passes the status and keyset filters. */
    public boolean accepts(Request r) {
        return (statuses.isEmpty() || statuses.contains(r.status()))
                && (before == null || r.id().compareTo(before) < 0);
    }
}
