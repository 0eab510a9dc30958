package org.opengru.core.timeline;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * The 360° view: merges the contributors' entries newest first and pages them by keyset. Each page asks
 * every contributor for at most {@code limit} entries older than the cursor, so a page costs one indexed
 * query per contributor whatever the depth.
 */
public final class Timeline {

    private final List<TimelineContributor> contributors;

    private Timeline(List<TimelineContributor> contributors) {
        this.contributors = List.copyOf(contributors);
    }

    /**
     * A timeline over these contributors.
     *
     * @param contributors every module's contributor
     * @return the timeline
     */
    public static Timeline of(List<TimelineContributor> contributors) {
        return new Timeline(contributors);
    }

    /**
     * The page of at most {@code limit} (1 to 500) entries strictly older than {@code before}.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @param before the cursor of the previous page, or {@code null} for the first
     * @param limit the most entries, 1 to 500
     * @return the page, with the next page's cursor when there is one
     * @throws org.opengru.core.error.ValidationException naming {@code limit} when out of range
     */
    public TimelinePage page(TenantId tenant, UsagerId usager, @Nullable TimelineCursor before, int limit) {
        if (limit < 1 || limit > 500) {
            throw new ValidationException("limit", limit, "must be between 1 and 500");
        }
        List<TimelineEntry> merged = new ArrayList<>();
        boolean more = false;
        for (TimelineContributor c : contributors) {
            // One extra entry tells whether a further page exists.
            List<TimelineEntry> part = c.newest(tenant, usager, before, limit + 1);
            merged.addAll(part);
        }
        merged.sort(TimelineEntry.NEWEST_FIRST);
        if (merged.size() > limit) {
            more = true;
            merged = merged.subList(0, limit);
        }
        TimelineCursor next = more ? merged.get(merged.size() - 1).cursor() : null;
        return new TimelinePage(merged, next);
    }
}
