package org.opengru.core.job.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.opengru.core.job.Job;
import org.opengru.core.job.JobListener;
import org.opengru.core.job.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs on a {@link ScheduledThreadPoolExecutor} of this JVM with one daemon thread per job: a slow or
 * stuck job keeps its own thread and never delays another. Fixed delay, so a job never overlaps itself.
 */
public final class LocalJobScheduler implements JobScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(LocalJobScheduler.class);
    private static final long STOP_WAIT_SECONDS = 10;

    private final List<Job> jobs;
    private final JobListener listener;
    private @Nullable ScheduledThreadPoolExecutor executor;

    public LocalJobScheduler(List<Job> jobs, JobListener listener) {
        this.jobs = JobRunner.distinct(jobs);
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public List<Job> jobs() {
        return jobs;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "opengru-job-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ScheduledThreadPoolExecutor ses = new ScheduledThreadPoolExecutor(Math.max(1, jobs.size()), factory);
        ses.setRemoveOnCancelPolicy(true);
        for (Job job : jobs) {
            long every = job.interval().toNanos();
            // JobRunner never throws: a task that did would be silently dropped by the executor.
            ses.scheduleWithFixedDelay(
                    () -> JobRunner.run(job, listener), job.runsAtStart() ? 0 : every, every, TimeUnit.NANOSECONDS);
        }
        executor = ses;
        LOG.info(
                "OpenGRU jobs started in this JVM: {}",
                jobs.stream().map(Job::name).toList());
    }

    @Override
    public synchronized void stop() {
        ScheduledThreadPoolExecutor ses = executor;
        if (ses == null) {
            return;
        }
        executor = null;
        ses.shutdown();
        try {
            if (!ses.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                ses.shutdownNow();
            }
        } catch (InterruptedException e) {
            ses.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public void runAllOnce() {
        jobs.forEach(job -> JobRunner.run(job, listener));
    }
}
