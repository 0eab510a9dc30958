package org.opengru.core.outbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.opengru.core.id.EventId;
import org.opengru.core.outbox.DeliveryOutcome;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxClaim;
import org.opengru.core.outbox.OutboxMessage;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxStatus;

/**
 * The outbox in one JVM's memory, with the same leases as in PostgreSQL: a claimed record is due again
 * only when its lease ends, and an outcome is stored only under the lease that claimed it.
 */
public final class InMemoryOutbox implements Outbox {

    private final Clock clock;
    private final Set<String> subscribers;
    private final List<OutboxRecord> records = new ArrayList<>();
    private final Map<String, Long> streamSequences = new HashMap<>();
    /** The lease token under which each claimed record is held (until its outcome is stored). */
    private final Map<Long, UUID> leases = new HashMap<>();
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
    public synchronized OutboxClaim claim(int max, Instant now, Duration lease) {
        UUID token = UUID.randomUUID();
        Instant until = now.plus(lease);
        Set<String> blocked = new HashSet<>();
        List<OutboxRecord> batch = new ArrayList<>();
        for (int i = 0; i < records.size() && batch.size() < max; i++) {
            OutboxRecord r = records.get(i);
            if (r.status() != OutboxStatus.PENDING) {
                continue;
            }
            // Only the first pending record of each stream may go; a leased one is pending and blocks too.
            if (!blocked.add(r.streamKey()) || r.nextAttemptAt().isAfter(now)) {
                continue;
            }
            // A lease that ended without an outcome: its holder died mid-delivery, count that attempt.
            int attempts = leases.containsKey(r.id()) ? r.attempts() + 1 : r.attempts();
            OutboxRecord claimed = new OutboxRecord(
                    r.id(),
                    r.subscriber(),
                    r.message(),
                    r.streamSequence(),
                    r.status(),
                    attempts,
                    until,
                    r.lastError(),
                    r.deliveredAt());
            records.set(i, claimed);
            leases.put(r.id(), token);
            batch.add(claimed);
        }
        return new OutboxClaim(token, until, batch);
    }

    @Override
    public synchronized boolean complete(OutboxClaim claim, OutboxRecord record, DeliveryOutcome outcome, Instant now) {
        if (!claim.lease().equals(leases.get(record.id()))) {
            return false;
        }
        leases.remove(record.id());
        for (int i = 0; i < records.size(); i++) {
            OutboxRecord r = records.get(i);
            if (r.id() == record.id()) {
                records.set(i, Outcomes.apply(r, outcome));
                if (outcome instanceof DeliveryOutcome.Dead) {
                    deadSince.put(r.id(), now);
                }
                return true;
            }
        }
        return false;
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
