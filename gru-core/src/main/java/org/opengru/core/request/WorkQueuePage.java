package org.opengru.core.request;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * One page of a work queue: the requests in the query's order, and the cursor of the next page ({@code
 * null} on the last page).
 */
public record WorkQueuePage(List<Request> requests, WorkQueueQuery.@Nullable Cursor next) {

    public WorkQueuePage {
        requests = List.copyOf(Checks.required("requests", requests));
    }
}
