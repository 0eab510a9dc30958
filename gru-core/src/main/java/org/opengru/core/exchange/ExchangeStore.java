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
     *
     * @param post the message, its events and its key
     * @return the stored message and whether it was a replay
     */
    PostOutcome post(MessagePost post);

    /**
     * Every message of the thread (internal notes included), oldest first.
     *
     * @param tenant the collectivité
     * @param requestId the request
     * @return the messages, possibly none
     */
    List<Message> thread(TenantId tenant, RequestId requestId);

    /**
     * Looks up a message.
     *
     * @param tenant the collectivité
     * @param id the message's id
     * @return the message, or empty
     */
    Optional<Message> find(TenantId tenant, MessageId id);

    /**
     * Records a reading and returns {@code true} (and stores the events) the first time this reader reads the
     * message; {@code false}, with nothing written, afterwards.
     *
     * @param tenant the collectivité
     * @param receipt who read it and when
     * @param events the events to store with the first reading
     * @return whether this was the first reading
     */
    boolean markRead(TenantId tenant, ReadReceipt receipt, List<org.opengru.core.event.DomainEvent> events);

    /**
     * The read receipts of a message, first reading first.
     *
     * @param tenant the collectivité
     * @param id the message's id
     * @return the receipts, possibly none
     */
    List<ReadReceipt> receipts(TenantId tenant, MessageId id);

    /**
     * The stored message and whether this post was a replay.
     *
     * @param message the stored message
     * @param replayed {@code true} when the key had already stored it
     */
    record PostOutcome(Message message, boolean replayed) {}

    /**
     * A thread-safe store in memory (the embedded default, and tests).
     *
     * @return an empty store
     */
    static ExchangeStore inMemory() {
        return new InMemoryExchangeStore();
    }
}
