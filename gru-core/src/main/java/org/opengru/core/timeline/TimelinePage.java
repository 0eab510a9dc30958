package org.opengru.core.timeline;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a timeline, newest first; {@code next} is absent on the last page. */
public record TimelinePage(
        List<TimelineEntry> entries, @Nullable TimelineCursor next) {

    public TimelinePage {
        entries = List.copyOf(entries);
    }
}
