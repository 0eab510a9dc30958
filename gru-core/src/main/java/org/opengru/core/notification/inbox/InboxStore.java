package org.opengru.core.notification.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.notification.inbox.internal.InMemoryInboxStore;
import org.opengru.core.notification.inbox.internal.PostgresInboxStore;
import org.opengru.core.tenancy.TenantId;

/** Port: the usagers' in-app inboxes. Every query is scoped to one tenant and one usager. */
public interface InboxStore {

    /** Adds the item; {@code false} (and no change) when an item with its id exists already. */
    boolean add(InboxItem item);

    Optional<InboxItem> find(TenantId tenant, UsagerId usager, UUID id);

    /**
     * The usager's items newest first, strictly older than the cursor item (all when null), at most
     * {@code limit}; keyset-paginated on (created at, id).
     */
    List<InboxItem> page(TenantId tenant, UsagerId usager, @Nullable InboxItem after, int limit);

    /**
     * Marks the item read at {@code at} (the first reading is kept); {@code false} when the usager has no
     * such item.
     */
    boolean markRead(TenantId tenant, UsagerId usager, UUID id, Instant at);

    long unreadCount(TenantId tenant, UsagerId usager);

    /** Deletes every item of the usager's inbox (erasure, art. 17 RGPD); how many. */
    int eraseUsager(TenantId tenant, UsagerId usager);

    static InboxStore inMemory() {
        return new InMemoryInboxStore();
    }

    static InboxStore postgres(JdbcTransactions tx) {
        return new PostgresInboxStore(tx);
    }
}
