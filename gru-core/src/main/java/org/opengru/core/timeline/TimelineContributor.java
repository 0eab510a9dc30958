package org.opengru.core.timeline;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * Extension point: a module's entries for an usager's timeline (requests, messages, appointments,
 * documents...). Register one per module with {@link Timeline#of}.
 */
public interface TimelineContributor {

    /**
     * At most {@code limit} entries of the usager strictly older than {@code before} (all when null), in
     * {@link TimelineEntry#NEWEST_FIRST} order. Implementations should use keyset queries, not offsets.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @param before the cursor, or {@code null}
     * @param limit the most entries
     * @return the entries, newest first
     */
    List<TimelineEntry> newest(TenantId tenant, UsagerId usager, @Nullable TimelineCursor before, int limit);
}
