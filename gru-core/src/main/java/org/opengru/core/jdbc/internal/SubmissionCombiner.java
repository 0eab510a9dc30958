package org.opengru.core.jdbc.internal;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.opengru.core.jdbc.DataAccessException;

/**
 * Group commit for new requests filed in autocommit: the new-request writes of concurrent callers go to the
 * database as one statement and one commit (most of a plain insert's server cost is per statement and per
 * commit, not per row). Flat combining, on the callers' own threads (no thread of its own): a caller queues
 * its rows; the first to find a free writing slot takes what is queued for its collectivité (at most {@code
 * maxBatch}) and writes it; the others wait for their own result. A lone caller finds a free slot and writes
 * at once. Up to {@code inFlight} batches are written at the same time, so that their commits' flushes
 * overlap. One batch holds requests of ONE collectivité: a platform distributed by collectivité writes each
 * batch on one node.
 *
 * <p>Instance-scoped (one per request store); no clock: callers wait for a result, never for a timer.
 */
final class SubmissionCombiner {

    /** Writes a batch of one or more requests in one statement (autocommit). */
    @FunctionalInterface
    interface BatchWriter {
        void write(List<NewRequestWriter.Rows> batch) throws SQLException;
    }

    /** What became of a queued request. */
    enum State {
        /** Waiting for a writer. */
        QUEUED,
        /** In a batch being written. */
        TAKEN,
        /** Written and committed. */
        WRITTEN,
        /** Its batch failed: see {@link Pending#failure} and {@link Pending#batchSize}. */
        FAILED
    }

    /** One caller's request in the queue, and what became of it. */
    static final class Pending {
        final NewRequestWriter.Rows rows;
        /** Signalled when this request is written or failed, or when it may lead the next batch. */
        final Condition turn;

        State state = State.QUEUED;

        @Nullable
        SQLException failure;

        @Nullable
        Throwable error;

        int batchSize;

        Pending(NewRequestWriter.Rows rows, Condition turn) {
            this.rows = rows;
            this.turn = turn;
        }
    }

    private final int maxBatch;
    private final int inFlight;
    private final BatchWriter writer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, ArrayDeque<Pending>> queues = new LinkedHashMap<>();
    private int writing;
    private int queued;
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    /** The bounds are checked once, where they are given ({@code PostgresPersistence.Builder#submissionBatching}). */
    SubmissionCombiner(int maxBatch, int inFlight, BatchWriter writer) {
        this.maxBatch = maxBatch;
        this.inFlight = inFlight;
        this.writer = writer;
    }

    /**
     * Queues the rows and returns once they are written or their batch failed (then {@link Pending#state}
     * is {@link State#FAILED}). Interrupted while still queued, the caller leaves the queue, nothing
     * written; once its rows are taken, it waits for their outcome (the statement is on its way) and
     * returns it with its interrupt status set.
     *
     * @throws DataAccessException when interrupted before a writer took the rows: nothing was written
     */
    Pending submit(NewRequestWriter.Rows rows) {
        Pending me = new Pending(rows, lock.newCondition());
        boolean interrupted = false;
        lock.lock();
        try {
            queues.computeIfAbsent(rows.tenant(), t -> new ArrayDeque<>()).addLast(me);
            queued++;
            while (me.state == State.QUEUED || me.state == State.TAKEN) {
                if (me.state == State.QUEUED && writing < inFlight) {
                    writeNextBatch(rows.tenant());
                    continue;
                }
                // Woken only for its own outcome or to lead (no herd of waiters woken by every batch).
                if (me.state == State.TAKEN || interrupted) {
                    me.turn.awaitUninterruptibly();
                    continue;
                }
                try {
                    me.turn.await();
                } catch (InterruptedException e) {
                    if (me.state == State.QUEUED) {
                        ArrayDeque<Pending> queue = queues.get(rows.tenant());
                        queue.remove(me);
                        if (queue.isEmpty()) {
                            queues.remove(rows.tenant());
                        }
                        queued--;
                        // It may have been woken to lead: hand that turn on.
                        wakeNextLeader();
                        Thread.currentThread().interrupt();
                        throw new DataAccessException(
                                "interrupted while waiting to file the request: nothing was written", null);
                    }
                    interrupted = true;
                }
            }
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return me;
    }

    /** Takes the head of the collectivité's queue and writes it; called and returns with the lock held. */
    private void writeNextBatch(String tenant) {
        ArrayDeque<Pending> queue = queues.get(tenant);
        List<Pending> batch = new ArrayList<>(Math.min(maxBatch, queue.size()));
        while (batch.size() < maxBatch && !queue.isEmpty()) {
            Pending p = queue.pollFirst();
            p.state = State.TAKEN;
            batch.add(p);
        }
        if (queue.isEmpty()) {
            queues.remove(tenant);
        }
        queued -= batch.size();
        writing++;
        // Another slot free and more queued (past this batch's bound, or another collectivité): wake a leader.
        wakeNextLeader();
        List<NewRequestWriter.Rows> rows = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            rows.add(p.rows);
        }
        lock.unlock();
        @Nullable SQLException failure = null;
        @Nullable Throwable error = null;
        try {
            writer.write(rows);
        } catch (SQLException e) {
            failure = e;
        } catch (RuntimeException | Error e) {
            // Every caller of the batch hears of it (none is left waiting), the writer included.
            error = e;
        } finally {
            lock.lock();
        }
        writing--;
        statements.incrementAndGet();
        requests.addAndGet(batch.size());
        for (Pending p : batch) {
            p.batchSize = batch.size();
            p.failure = failure;
            p.error = error;
            p.state = failure == null && error == null ? State.WRITTEN : State.FAILED;
            p.turn.signal();
        }
        wakeNextLeader();
    }

    /** With a writing slot free, wakes the head of a queue (the longest-queued collectivité first) to write. */
    private void wakeNextLeader() {
        if (writing >= inFlight) {
            return;
        }
        for (ArrayDeque<Pending> queue : queues.values()) {
            Pending head = queue.peekFirst();
            if (head != null) {
                head.turn.signal();
                return;
            }
        }
    }

    /**
     * How many requests wait for a writer (for tests that line callers up).
     *
     * @return the number queued
     */
    int queued() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    /** Statements written so far (batches, including batches of one). */
    long statements() {
        return statements.get();
    }

    /** Requests written or tried in those statements. */
    long requests() {
        return requests.get();
    }
}
