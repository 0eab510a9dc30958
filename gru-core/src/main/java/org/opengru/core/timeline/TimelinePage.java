package org.opengru.core.timeline;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a timeline, newest first; {@code next} is absent on the last page.
 *
 * @param entries the entries, newest first
 * @param next the cursor of the next page, or {@code null} on the last
 */
public record TimelinePage(
        List<TimelineEntry> entries, @Nullable TimelineCursor next) {

    /**
     * Copies the entries.
     *
     * @param entries the entries, newest first
     * @param next the cursor of the next page, or {@code null} on the last
     */
    public TimelinePage {
        entries = List.copyOf(entries);
    }
}
