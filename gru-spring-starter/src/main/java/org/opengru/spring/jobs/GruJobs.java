package org.opengru.spring.jobs;

import java.util.List;
import java.util.Objects;
import org.opengru.core.job.Job;
import org.opengru.core.job.JobScheduler;
import org.springframework.context.SmartLifecycle;

/**
 * OpenGRU's periodic jobs, started and stopped with the application context. With PostgreSQL storage they
 * run on gru-core's {@code PostgresJobScheduler}: each job on one node at a time, once per interval across
 * the nodes, taken over by another node when the one running it dies. In memory they run on {@link
 * JobScheduler#local}. Either way each job has a thread of its own, and a failing run (an exception or an
 * error) is logged, counted ({@code gru.jobs.failures} with Micrometer) and retried at the next tick.
 * Absent with {@code gru.jobs.enabled=false}: run the same beans from another scheduler instead.
 */
public final class GruJobs implements SmartLifecycle {

    private final JobScheduler scheduler;

    public GruJobs(JobScheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** The scheduled jobs. */
    public List<Job> jobs() {
        return scheduler.jobs();
    }

    /** The scheduler running them. */
    public JobScheduler scheduler() {
        return scheduler;
    }

    /**
     * Runs every job once, now, on the calling thread (tests, manual triggers), outside the shared schedule:
     * every OpenGRU job is safe to run on several nodes at once.
     */
    public void runAllOnce() {
        scheduler.runAllOnce();
    }

    @Override
    public void start() {
        scheduler.start();
    }

    @Override
    public void stop() {
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return scheduler.isRunning();
    }
}
