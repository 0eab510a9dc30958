package org.opengru.core.request;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * One page of a work queue: the requests in the query's order, and the cursor of the next page ({@code
 * null} on the last page).
 *
 * @param requests the page's requests
 * @param next the cursor of the next page, or {@code null} on the last
 */
public record WorkQueuePage(List<Request> requests, WorkQueueQuery.@Nullable Cursor next) {

    /**
     * Copies the requests.
     *
     * @param requests the page's requests
     * @param next the cursor of the next page, or {@code null} on the last
     */
    public WorkQueuePage {
        requests = List.copyOf(Checks.required("requests", requests));
    }
}
