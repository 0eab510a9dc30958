package org.opengru.spring.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs OpenGRU's periodic jobs on one daemon thread of its own, started and stopped with the
 * application context. Each job is a plain bean method; a failing run is logged and retried at the next
 * tick. Absent with {@code gru.jobs.enabled=false}: run the same beans from another scheduler instead.
 */
public final class GruJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GruJobs.class);

    /** One job: a name for the logs, how often, and what to run. */
    public record Job(String name, Duration interval, Runnable body) {}

    private final List<Job> jobs;
    private @Nullable ScheduledExecutorService executor;

    public GruJobs(List<Job> jobs) {
        this.jobs = List.copyOf(jobs);
    }

    /** The scheduled jobs. */
    public List<Job> jobs() {
        return jobs;
    }

    /** Runs every job once, now, on the calling thread (tests, manual triggers). */
    public void runAllOnce() {
        jobs.forEach(this::run);
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opengru-jobs");
            t.setDaemon(true);
            return t;
        });
        for (Job job : jobs) {
            long millis = job.interval().toMillis();
            ses.scheduleWithFixedDelay(() -> run(job), millis, millis, TimeUnit.MILLISECONDS);
        }
        executor = ses;
        log.info(
                "OpenGRU jobs started: {}",
                new ArrayList<>(jobs.stream().map(Job::name).toList()));
    }

    private void run(Job job) {
        try {
            job.body().run();
        } catch (RuntimeException e) {
            log.warn("OpenGRU job {} failed; it runs again in {}", job.name(), job.interval(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
