package org.opengru.core.outbox;

import java.time.Clock;
import java.time.Duration;
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
 * <p>Delivery holds nothing open: {@link #claim} takes a batch with a lease (a visibility deadline) and
 * commits at once; the relay calls the subscribers with no transaction and no pooled connection held,
 * then stores each outcome with {@link #complete}. A relay that dies mid-batch leaves its records
 * hidden until the lease ends; then any relay claims them again (at least once: an event may arrive
 * twice, with the same id).
 *
 * <p>Ordering contract, per subscriber and aggregate: a record is claimable only once every earlier
 * record of its aggregate is {@link OutboxStatus#DELIVERED delivered} or {@link OutboxStatus#DEAD dead}
 * (a leased record is still pending, so it holds back the later ones). "Earlier" is commit order: each
 * aggregate's {@link OutboxRecord#streamSequence()} is assigned under a lock held until the appending
 * transaction ends, so an uncommitted transaction never leaves a gap that a later event could overtake.
 *
 * <p>Personal data: a delivery's payload (for a request, the whole request) is kept while it is
 * pending, and pruned to its SHA-256 once delivered; a dead delivery keeps it, so that it can be
 * retried, until {@link #pruneDeadLetters} removes it at the end of the dead-letter retention. The last
 * error is kept as long as the payload.
 */
public interface Outbox {

    /**
     * The subscribers every appended event is written for.
     *
     * @return the subscribers' names
     */
    Set<String> subscribers();

    /**
     * Writes the messages, in order, for every subscriber; joins the caller's transaction.
     *
     * @param messages the events of one change, in order
     */
    void append(List<OutboxMessage> messages);

    /** The lease of {@link #process}, which delivers while it holds it. */
    Duration PROCESS_LEASE = Duration.ofMinutes(5);

    /**
     * Claims up to {@code max} deliverable records (pending, due at {@code now}, first pending of their
     * aggregate) until {@code now + lease}, and commits the claim: other callers skip them until then.
     * A record whose earlier lease ended without an outcome (its relay died) is claimable again, with
     * that lost attempt counted. Not to be called inside a transaction.
     *
     * @param max the most records
     * @param now the present
     * @param lease how long the claim hides the records
     * @return the claim, possibly empty
     */
    OutboxClaim claim(int max, Instant now, Duration lease);

    /**
     * Stores the outcome of a record of {@code claim}, in its own short transaction. False, and nothing
     * stored, when the lease ended and another caller claimed the record since: that caller delivers it.
     *
     * @param claim the claim the record came in
     * @param record the record
     * @param outcome what the relay decided
     * @param now the present
     * @return {@code true} when stored
     */
    boolean complete(OutboxClaim claim, OutboxRecord record, DeliveryOutcome outcome, Instant now);

    /**
     * Claims up to {@code max} deliverable records for {@link #PROCESS_LEASE}, hands each to the
     * processor and stores its outcome; returns the number handled. If the processor throws, the records
     * not handled yet are released (due at once) and the exception is rethrown.
     *
     * @param max the most records
     * @param now the present
     * @param processor what decides each record's outcome
     * @return the number handled
     */
    default int process(int max, Instant now, OutboxProcessor processor) {
        OutboxClaim claim = claim(max, now, PROCESS_LEASE);
        int handled = 0;
        try {
            for (OutboxRecord r : claim.records()) {
                complete(claim, r, processor.handle(r), now);
                handled++;
            }
        } finally {
            for (OutboxRecord r :
                    claim.records().subList(handled, claim.records().size())) {
                complete(claim, r, new DeliveryOutcome.Released(now), now);
            }
        }
        return handled;
    }

    /**
     * The records of one aggregate for one subscriber, oldest first.
     *
     * @param subscriber the subscriber
     * @param tenant the collectivité
     * @param aggregateType the aggregate's kind, such as {@code request}
     * @param aggregateId the aggregate's id
     * @return the records
     */
    List<OutboxRecord> stream(String subscriber, String tenant, String aggregateType, String aggregateId);

    /**
     * Records in a state, oldest first, at most {@code limit}. The events of an event log that the relay
     * reads through cursors ({@link org.opengru.core.jdbc.EventLogTables}, the requests' on PostgreSQL) are
     * listed when pending (a cursor's next event, a retried dead letter, an event not yet seen by the
     * relay's feed) or dead; delivered, they are not (the log keeps no row per delivery: {@link #stream}
     * reads them per aggregate).
     *
     * @param status the state
     * @param limit the most records
     * @return the records
     */
    List<OutboxRecord> withStatus(OutboxStatus status, int limit);

    /**
     * How many records are in that state.
     *
     * @param status the state
     * @return the count
     */
    long count(OutboxStatus status);

    /**
     * Puts a dead delivery back to pending, due at {@code now}, with its attempts reset. False when there
     * is no such dead delivery, or when its payload was pruned ({@link #pruneDeadLetters}): there is
     * nothing left to send.
     *
     * @param eventId the event
     * @param subscriber the subscriber
     * @param now the present
     * @return {@code true} when requeued
     */
    boolean retryDead(EventId eventId, String subscriber, Instant now);

    /**
     * Prunes the payload (keeping its SHA-256, see {@link OutboxMessage#prunedPayload}) and the last
     * error of the deliveries dead since before {@code deadBefore}; returns how many. Delivered ones are
     * pruned as they are delivered. Called by {@link OutboxRelay#pruneDeadLetters()}.
     *
     * @param deadBefore the limit of the death date
     * @return the number pruned
     */
    int pruneDeadLetters(Instant deadBefore);

    /**
     * An in-memory outbox for one JVM (the embedded default).
     *
     * @param clock the installation's clock
     * @param subscribers the subscribers every event is written for
     * @return an empty outbox
     */
    static Outbox inMemory(Clock clock, Set<String> subscribers) {
        return new InMemoryOutbox(clock, subscribers);
    }
}
