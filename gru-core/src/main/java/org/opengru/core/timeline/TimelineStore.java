package org.opengru.core.timeline;

import java.util.List;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.internal.InMemoryTimelineStore;

/**
 * Port: stored timeline entries. The PostgreSQL request store writes one per history entry in the same
 * transaction as the change; other modules may append theirs here or contribute from their own tables.
 */
public interface TimelineStore extends TimelineContributor {

    /**
     * Stores the entry; appending the same entry id again changes nothing.
     *
     * @param entry the entry
     */
    void append(TimelineEntry entry);

    /**
     * Removes every entry of the usager (erasure); returns how many.
     *
     * @param tenant the collectivité
     * @param usager the usager erased
     * @return the number removed
     */
    int eraseUsager(TenantId tenant, UsagerId usager);

    /**
     * All entries of the usager, newest first (subject-access export).
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the entries
     */
    default List<TimelineEntry> all(TenantId tenant, UsagerId usager) {
        return newest(tenant, usager, null, Integer.MAX_VALUE);
    }

    /**
     * A thread-safe store in memory.
     *
     * @return an empty store
     */
    static TimelineStore inMemory() {
        return new InMemoryTimelineStore();
    }
}
