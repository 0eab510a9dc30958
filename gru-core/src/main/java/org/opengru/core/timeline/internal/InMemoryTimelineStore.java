package org.opengru.core.timeline.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.TimelineCursor;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.core.timeline.TimelineStore;

/** Timelines in memory: one sorted set per usager. */
public final class InMemoryTimelineStore implements TimelineStore {

    private record Key(TenantId tenant, UsagerId usager) {}

    private final Map<Key, ConcurrentSkipListSet<TimelineEntry>> timelines = new ConcurrentHashMap<>();

    @Override
    public void append(TimelineEntry entry) {
        ConcurrentSkipListSet<TimelineEntry> set = timelines.computeIfAbsent(
                new Key(entry.tenant(), entry.usager()), k -> new ConcurrentSkipListSet<>(TimelineEntry.NEWEST_FIRST));
        // Same position (time and id) means the same entry: keep the first, as the database does.
        set.add(entry);
    }

    @Override
    public int eraseUsager(TenantId tenant, UsagerId usager) {
        ConcurrentSkipListSet<TimelineEntry> removed = timelines.remove(new Key(tenant, usager));
        return removed == null ? 0 : removed.size();
    }

    @Override
    public List<TimelineEntry> newest(TenantId tenant, UsagerId usager, @Nullable TimelineCursor before, int limit) {
        ConcurrentSkipListSet<TimelineEntry> set = timelines.get(new Key(tenant, usager));
        if (set == null) {
            return List.of();
        }
        if (before == null) {
            return set.stream().limit(limit).toList();
        }
        TimelineEntry probe = new TimelineEntry(
                tenant, usager, before.occurredAt(), before.entryId(), "probe", "probe", null, null, "probe");
        return set.tailSet(probe, false).stream().limit(limit).toList();
    }
}
