package org.opengru.core.outbox.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.opengru.core.id.EventId;
import org.opengru.core.outbox.DeliveryOutcome;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxMessage;
import org.opengru.core.outbox.OutboxProcessor;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxStatus;

/**
 * The outbox in one JVM's memory. Claimed records are invisible to other callers of {@link #process}
 * until their outcome is stored, as {@code FOR UPDATE SKIP LOCKED} does in PostgreSQL.
 */
public final class InMemoryOutbox implements Outbox {

    private final Clock clock;
    private final Set<String> subscribers;
    private final List<OutboxRecord> records = new ArrayList<>();
    private final Map<String, Long> streamSequences = new HashMap<>();
    private final Set<Long> claimed = new HashSet<>();
    /** When each dead record died (the dead-letter retention counts from there). */
    private final Map<Long, Instant> deadSince = new HashMap<>();

    private long nextId = 1;

    public InMemoryOutbox(Clock clock, Set<String> subscribers) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.subscribers = Subscribers.check(subscribers);
    }

    @Override
    public Set<String> subscribers() {
        return subscribers;
    }

    @Override
    public synchronized void append(List<OutboxMessage> messages) {
        Instant now = clock.instant();
        for (OutboxMessage m : messages) {
            for (String subscriber : subscribers) {
                String stream = subscriber + "|" + m.tenant() + "|" + m.aggregateType() + "|" + m.aggregateId();
                long seq = streamSequences.merge(stream, 1L, Long::sum);
                records.add(new OutboxRecord(nextId++, subscriber, m, seq, OutboxStatus.PENDING, 0, now, null, null));
            }
        }
    }

    @Override
    public int process(int max, Instant now, OutboxProcessor processor) {
        List<OutboxRecord> batch = claim(max, now);
        try {
            for (OutboxRecord r : batch) {
                DeliveryOutcome outcome = processor.handle(r);
                apply(r, outcome, now);
            }
        } finally {
            release(batch);
        }
        return batch.size();
    }

    private synchronized List<OutboxRecord> claim(int max, Instant now) {
        Set<String> blocked = new HashSet<>();
        List<OutboxRecord> batch = new ArrayList<>();
        for (OutboxRecord r : records) {
            if (r.status() != OutboxStatus.PENDING) {
                continue;
            }
            // Only the first pending record of each stream may go, and only if nobody holds it.
            if (!blocked.add(r.streamKey())) {
                continue;
            }
            if (batch.size() < max
                    && !claimed.contains(r.id())
                    && !r.nextAttemptAt().isAfter(now)) {
                claimed.add(r.id());
                batch.add(r);
            }
        }
        return batch;
    }

    private synchronized void release(List<OutboxRecord> batch) {
        for (OutboxRecord r : batch) {
            claimed.remove(r.id());
        }
    }

    private synchronized void apply(OutboxRecord claimedRecord, DeliveryOutcome outcome, Instant now) {
        for (int i = 0; i < records.size(); i++) {
            OutboxRecord r = records.get(i);
            if (r.id() == claimedRecord.id()) {
                records.set(i, Outcomes.apply(r, outcome));
                if (outcome instanceof DeliveryOutcome.Dead) {
                    deadSince.put(r.id(), now);
                }
                return;
            }
        }
    }

    @Override
    public synchronized List<OutboxRecord> stream(
            String subscriber, String tenant, String aggregateType, String aggregateId) {
        return records.stream()
                .filter(r -> r.subscriber().equals(subscriber)
                        && r.message().tenant().value().equals(tenant)
                        && r.message().aggregateType().equals(aggregateType)
                        && r.message().aggregateId().equals(aggregateId))
                .sorted(Comparator.comparingLong(OutboxRecord::streamSequence))
                .toList();
    }

    @Override
    public synchronized List<OutboxRecord> withStatus(OutboxStatus status, int limit) {
        return records.stream().filter(r -> r.status() == status).limit(limit).toList();
    }

    @Override
    public synchronized long count(OutboxStatus status) {
        return records.stream().filter(r -> r.status() == status).count();
    }

    @Override
    public synchronized boolean retryDead(EventId eventId, String subscriber, Instant now) {
        for (int i = 0; i < records.size(); i++) {
            OutboxRecord r = records.get(i);
            if (r.status() == OutboxStatus.DEAD
                    && !r.message().payloadPruned()
                    && r.subscriber().equals(subscriber)
                    && r.message().eventId().equals(eventId)) {
                deadSince.remove(r.id());
                records.set(
                        i,
                        new OutboxRecord(
                                r.id(),
                                r.subscriber(),
                                r.message(),
                                r.streamSequence(),
                                OutboxStatus.PENDING,
                                0,
                                now,
                                r.lastError(),
                                null));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized int pruneDeadLetters(Instant deadBefore) {
        int pruned = 0;
        for (int i = 0; i < records.size(); i++) {
            OutboxRecord r = records.get(i);
            Instant since = deadSince.get(r.id());
            if (r.status() == OutboxStatus.DEAD
                    && !r.message().payloadPruned()
                    && since != null
                    && since.isBefore(deadBefore)) {
                records.set(
                        i,
                        new OutboxRecord(
                                r.id(),
                                r.subscriber(),
                                r.message().pruned(),
                                r.streamSequence(),
                                r.status(),
                                r.attempts(),
                                r.nextAttemptAt(),
                                null,
                                null));
                pruned++;
            }
        }
        return pruned;
    }
}
