package org.opengru.core.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.opengru.core.id.EventId;
import org.opengru.core.outbox.internal.InMemoryOutbox;

/**
 * Port: the transactional outbox. {@link #append} is called by stores inside the transaction of the
 * change (the PostgreSQL adapter joins the {@link org.opengru.core.jdbc.JdbcTransactions} transaction
 * open on the thread), and writes one delivery per configured subscriber. {@link #process} is called by
 * the {@link OutboxRelay}, possibly on several nodes at once.
 *
 * <p>Ordering contract, per subscriber and aggregate: a record is handed to {@link #process} only once
 * every earlier record of its aggregate is {@link OutboxStatus#DELIVERED delivered} or {@link
 * OutboxStatus#DEAD dead}, and never while another caller holds an earlier one. "Earlier" is commit
 * order: each aggregate's {@link OutboxRecord#streamSequence()} is assigned under a lock held until the
 * appending transaction ends, so an uncommitted transaction never leaves a gap that a later event could
 * overtake.
 *
 * <p>Personal data: a delivery's payload (for a request, the whole request) is kept while it is
 * pending, and pruned to its SHA-256 once delivered; a dead delivery keeps it, so that it can be
 * retried, until {@link #pruneDeadLetters} removes it at the end of the dead-letter retention. The last
 * error is kept as long as the payload.
 */
public interface Outbox {

    /** The subscribers every appended event is written for. */
    Set<String> subscribers();

    /** Writes the messages, in order, for every subscriber; joins the caller's transaction. */
    void append(List<OutboxMessage> messages);

    /**
     * Claims up to {@code max} deliverable records (pending, due at {@code now}, first pending of their
     * aggregate, not claimed by another caller), hands each to the processor and stores its outcome.
     * Returns the number handled.
     */
    int process(int max, Instant now, OutboxProcessor processor);

    /** The records of one aggregate for one subscriber, oldest first. */
    List<OutboxRecord> stream(String subscriber, String tenant, String aggregateType, String aggregateId);

    /** Records in a state, oldest first, at most {@code limit}. */
    List<OutboxRecord> withStatus(OutboxStatus status, int limit);

    /** How many records are in that state. */
    long count(OutboxStatus status);

    /**
     * Puts a dead delivery back to pending, due at {@code now}, with its attempts reset. False when there
     * is no such dead delivery, or when its payload was pruned ({@link #pruneDeadLetters}): there is
     * nothing left to send.
     */
    boolean retryDead(EventId eventId, String subscriber, Instant now);

    /**
     * Prunes the payload (keeping its SHA-256, see {@link OutboxMessage#prunedPayload}) and the last
     * error of the deliveries dead since before {@code deadBefore}; returns how many. Delivered ones are
     * pruned as they are delivered. Called by {@link OutboxRelay#pruneDeadLetters()}.
     */
    int pruneDeadLetters(Instant deadBefore);

    /** An in-memory outbox for one JVM (the embedded default). */
    static Outbox inMemory(Clock clock, Set<String> subscribers) {
        return new InMemoryOutbox(clock, subscribers);
    }
}
