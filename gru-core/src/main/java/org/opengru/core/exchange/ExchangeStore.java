package org.opengru.core.exchange;

import java.util.List;
import java.util.Optional;
import org.opengru.core.exchange.internal.InMemoryExchangeStore;
import org.opengru.core.id.MessageId;
import org.opengru.core.id.RequestId;
import org.opengru.core.tenancy.TenantId;

/** Port: request threads, their messages and read receipts, per collectivité. */
public interface ExchangeStore {

    /**
     * Stores the message, its events and its idempotency key atomically. If the key was already used in
     * the collectivité: the same fingerprint returns the first message ({@code replayed}, nothing written);
     * another fingerprint is an {@link org.opengru.core.error.IdempotencyConflictException}.
     */
    PostOutcome post(MessagePost post);

    /** Every message of the thread (internal notes included), oldest first. */
    List<Message> thread(TenantId tenant, RequestId requestId);

    Optional<Message> find(TenantId tenant, MessageId id);

    /**
     * Records a reading and returns {@code true} (and stores the events) the first time this reader reads the
     * message; {@code false}, with nothing written, afterwards.
     */
    boolean markRead(TenantId tenant, ReadReceipt receipt, List<org.opengru.core.event.DomainEvent> events);

    /** The read receipts of a message, first reading first. */
    List<ReadReceipt> receipts(TenantId tenant, MessageId id);

    /** The stored message and whether this post was a replay. */
    record PostOutcome(Message message, boolean replayed) {}

    static ExchangeStore inMemory() {
        return new InMemoryExchangeStore();
    }
}
