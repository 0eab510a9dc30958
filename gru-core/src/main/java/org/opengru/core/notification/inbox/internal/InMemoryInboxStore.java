package org.opengru.core.notification.inbox.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.inbox.InboxItem;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.tenancy.TenantId;

/** Inboxes in one JVM's memory. */
public final class InMemoryInboxStore implements InboxStore {

    static final Comparator<InboxItem> NEWEST_FIRST = Comparator.comparing(InboxItem::createdAt)
            .thenComparing(i -> i.id().toString())
            .reversed();

    private final Map<UUID, InboxItem> items = new LinkedHashMap<>();

    @Override
    public synchronized boolean add(InboxItem item) {
        return items.putIfAbsent(item.id(), item) == null;
    }

    @Override
    public synchronized Optional<InboxItem> find(TenantId tenant, UsagerId usager, UUID id) {
        InboxItem i = items.get(id);
        return i != null && i.tenant().equals(tenant) && i.usager().equals(usager) ? Optional.of(i) : Optional.empty();
    }

    @Override
    public synchronized List<InboxItem> page(TenantId tenant, UsagerId usager, @Nullable InboxItem after, int limit) {
        return items.values().stream()
                .filter(i -> i.tenant().equals(tenant) && i.usager().equals(usager))
                .filter(i -> after == null || NEWEST_FIRST.compare(i, after) > 0)
                .sorted(NEWEST_FIRST)
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public synchronized boolean markRead(TenantId tenant, UsagerId usager, UUID id, Instant at) {
        Optional<InboxItem> found = find(tenant, usager, id);
        if (found.isEmpty()) {
            return false;
        }
        InboxItem i = found.get();
        if (i.readAt() == null) {
            items.put(
                    id,
                    new InboxItem(
                            i.id(),
                            i.tenant(),
                            i.usager(),
                            i.kind(),
                            i.request(),
                            i.title(),
                            i.body(),
                            i.createdAt(),
                            at));
        }
        return true;
    }

    @Override
    public synchronized long unreadCount(TenantId tenant, UsagerId usager) {
        return items.values().stream()
                .filter(i -> i.tenant().equals(tenant) && i.usager().equals(usager) && !i.read())
                .count();
    }

    @Override
    public synchronized int eraseUsager(TenantId tenant, UsagerId usager) {
        int before = items.size();
        items.values().removeIf(i -> i.tenant().equals(tenant) && i.usager().equals(usager));
        return before - items.size();
    }
}
