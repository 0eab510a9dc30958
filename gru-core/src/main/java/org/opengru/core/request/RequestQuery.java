package org.opengru.core.request;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.RequestId;
import org.opengru.core.internal.Checks;

/**
 * A page of requests, newest first: only these statuses (all when empty), strictly older than {@code
 * before} (keyset pagination on the time-ordered id: pass the last id of the previous page), at most
 * {@code limit} (1 to 500).
 *
 * @param statuses the statuses, empty for any
 * @param before the last request of the previous page, or {@code null}
 * @param limit the page's size
 */
public record RequestQuery(
        Set<RequestStatus> statuses, @Nullable RequestId before, int limit) {

    /**
     * Copies the statuses and checks the limit.
     *
     * @param statuses the statuses, empty for any
     * @param before the last request of the previous page, or {@code null}
     * @param limit the page's size
     * @throws org.opengru.core.error.ValidationException when the limit is not between 1 and 500
     */
    public RequestQuery {
        statuses = Set.copyOf(Checks.required("statuses", statuses));
        Checks.check(limit >= 1 && limit <= 500, "limit", limit, "must be between 1 and 500");
    }

    /**
     * The first page of 50, any status.
     *
     * @return the query
     */
    public static RequestQuery firstPage() {
        return new RequestQuery(Set.of(), null, 50);
    }

    /**
     * The first page of requests in these statuses.
     *
     * @param statuses the statuses, empty for any
     * @param limit the page's size
     * @return the query
     */
    public static RequestQuery of(Set<RequestStatus> statuses, int limit) {
        return new RequestQuery(statuses, null, limit);
    }

    /**
     * The next page, after the last request of the previous one.
     *
     * @param lastOfPreviousPage the last request shown
     * @return the query
     */
    public RequestQuery after(RequestId lastOfPreviousPage) {
        return new RequestQuery(statuses, lastOfPreviousPage, limit);
    }

    /**
     * Whether a request passes the status and keyset filters.
     *
     * @param r the request
     * @return {@code true} when it passes
     */
    public boolean accepts(Request r) {
        return (statuses.isEmpty() || statuses.contains(r.status()))
                && (before == null || r.id().compareTo(before) < 0);
    }
}
