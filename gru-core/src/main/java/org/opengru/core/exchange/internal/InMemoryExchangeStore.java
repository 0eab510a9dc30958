package org.opengru.core.exchange.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opengru.core.error.IdempotencyConflictException;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.exchange.ExchangeStore;
import org.opengru.core.exchange.Message;
import org.opengru.core.exchange.MessagePost;
import org.opengru.core.exchange.ReadReceipt;
import org.opengru.core.id.MessageId;
import org.opengru.core.id.RequestId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;

/** Threads in memory, one locked partition per collectivité. */
public final class InMemoryExchangeStore implements ExchangeStore {

    private record Keyed(String fingerprint, MessageId message) {}

    private static final class Partition {
        final Map<MessageId, Message> messages = new HashMap<>();
        final Map<RequestId, List<Message>> threads = new HashMap<>();
        final Map<MessageId, Map<ActorRef, ReadReceipt>> receipts = new HashMap<>();
        final Map<IdempotencyKey, Keyed> keys = new HashMap<>();
        final List<DomainEvent> outbox = new ArrayList<>();
    }

    private final Map<TenantId, Partition> partitions = new ConcurrentHashMap<>();

    private Partition partition(TenantId tenant) {
        return partitions.computeIfAbsent(tenant, t -> new Partition());
    }

    @Override
    public PostOutcome post(MessagePost post) {
        Message m = post.message();
        Partition p = partition(m.tenant());
        synchronized (p) {
            if (post.key() != null) {
                Keyed earlier = p.keys.get(post.key());
                if (earlier != null) {
                    if (!earlier.fingerprint().equals(post.fingerprint())) {
                        throw new IdempotencyConflictException(post.key().value());
                    }
                    return new PostOutcome(p.messages.get(earlier.message()), true);
                }
            }
            p.messages.put(m.id(), m);
            p.threads.computeIfAbsent(m.requestId(), r -> new ArrayList<>()).add(m);
            p.outbox.addAll(post.events());
            if (post.key() != null) {
                p.keys.put(post.key(), new Keyed(post.fingerprint(), m.id()));
            }
            return new PostOutcome(m, false);
        }
    }

    @Override
    public List<Message> thread(TenantId tenant, RequestId requestId) {
        Partition p = partition(tenant);
        synchronized (p) {
            return List.copyOf(p.threads.getOrDefault(requestId, List.of()));
        }
    }

    @Override
    public Optional<Message> find(TenantId tenant, MessageId id) {
        Partition p = partition(tenant);
        synchronized (p) {
            return Optional.ofNullable(p.messages.get(id));
        }
    }

    @Override
    public boolean markRead(TenantId tenant, ReadReceipt receipt, List<DomainEvent> events) {
        Partition p = partition(tenant);
        synchronized (p) {
            if (!p.messages.containsKey(receipt.messageId())) {
                return false;
            }
            Map<ActorRef, ReadReceipt> byReader =
                    p.receipts.computeIfAbsent(receipt.messageId(), id -> new LinkedHashMap<>());
            if (byReader.containsKey(receipt.reader())) {
                return false;
            }
            byReader.put(receipt.reader(), receipt);
            p.outbox.addAll(events);
            return true;
        }
    }

    @Override
    public List<ReadReceipt> receipts(TenantId tenant, MessageId id) {
        Partition p = partition(tenant);
        synchronized (p) {
            return List.copyOf(p.receipts.getOrDefault(id, Map.of()).values());
        }
    }
}
