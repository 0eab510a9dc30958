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

    /**
     * Adds the item; {@code false} (and no change) when an item with its id exists already.
     *
     * @param item the item
     * @return {@code true} when added now
     */
    boolean add(InboxItem item);

    /**
     * Looks up an item of the usager.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @param id the item's id
     * @return the item, or empty
     */
    Optional<InboxItem> find(TenantId tenant, UsagerId usager, UUID id);

    /**
     * The usager's items newest first, strictly older than the cursor item (all when null), at most
     * {@code limit}; keyset-paginated on (created at, id).
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @param after the last item of the previous page, or {@code null}
     * @param limit the most items
     * @return the page
     */
    List<InboxItem> page(TenantId tenant, UsagerId usager, @Nullable InboxItem after, int limit);

    /**
     * Marks the item read at {@code at} (the first reading is kept); {@code false} when the usager has no
     * such item.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @param id the item's id
     * @param at when it was read
     * @return {@code true} when the usager has the item
     */
    boolean markRead(TenantId tenant, UsagerId usager, UUID id, Instant at);

    /**
     * How many items the usager has not opened.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the count
     */
    long unreadCount(TenantId tenant, UsagerId usager);

    /**
     * Deletes every item of the usager's inbox (erasure, art. 17 RGPD); how many.
     *
     * @param tenant the collectivité
     * @param usager the usager erased
     * @return the number deleted
     */
    int eraseUsager(TenantId tenant, UsagerId usager);

    /**
     * A thread-safe inbox store in memory.
     *
     * @return an empty store
     */
    static InboxStore inMemory() {
        return new InMemoryInboxStore();
    }

    /**
     * The inbox store on PostgreSQL (table {@code gru_inbox_item}).
     *
     * @param tx the transactions of {@code PostgresPersistence}
     * @return the store
     */
    static InboxStore postgres(JdbcTransactions tx) {
        return new PostgresInboxStore(tx);
    }
}
