package org.opengru.core.job;

import java.util.List;
import org.opengru.core.job.internal.LocalJobScheduler;

/**
 * Runs periodic {@link Job}s. Each job runs once per interval (fixed delay), never twice at once, on a
 * thread of its own so that a slow job never delays another; a run that throws (an exception or an error)
 * is logged, reported to the {@link JobListener} and the job runs again at its next tick.
 *
 * <p>Two implementations share this contract: {@link #local} for one node (memory storage, or work every
 * node must do for itself) and {@code org.opengru.core.jdbc.PostgresJobScheduler} for several nodes on one
 * PostgreSQL, where each job runs on one node at a time and a node that dies mid-run hands the job over to
 * another after a lease.
 *
 * <pre>{@code
 * try (JobScheduler jobs = JobScheduler.local(List.of(relay, purge), JobListener.none())) {
 *     jobs.start();
 *     ...
 * }
 * }</pre>
 */
public interface JobScheduler extends AutoCloseable {

    /**
     * The jobs, in the order given.
     *
     * @return the jobs
     */
    List<Job> jobs();

    /** Starts running the jobs; does nothing when already started. */
    void start();

    /**
     * Stops scheduling, waits a bounded time for the runs in progress, and returns. Does nothing when not
     * started.
     */
    void stop();

    /**
     * Whether the scheduler runs (started and not stopped).
     *
     * @return {@code true} between {@link #start()} and {@link #stop()}
     */
    boolean isRunning();

    /**
     * Runs every job once, now, on the calling thread, with the same failure handling (tests, manual
     * triggers). Not coordinated with the scheduled runs: every OpenGRU job is safe to run concurrently.
     */
    void runAllOnce();

    /** {@link #stop()}. */
    @Override
    default void close() {
        stop();
    }

    /**
     * Runs the jobs in this JVM only, one thread per job. Refuses two jobs with one name.
     *
     * @throws org.opengru.core.error.ValidationException naming the duplicated job
     * @param jobs the jobs, names unique
     * @param listener told of each run
     * @return a scheduler, not started
     */
    static JobScheduler local(List<Job> jobs, JobListener listener) {
        return new LocalJobScheduler(jobs, listener);
    }
}
