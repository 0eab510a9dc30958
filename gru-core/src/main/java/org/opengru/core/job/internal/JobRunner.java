package org.opengru.core.job.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.job.Job;
import org.opengru.core.job.JobListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one job once: what every scheduler does around the job's body. */
public final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private JobRunner() {}

    /**
     * Runs the job's body, logs and reports a failure (an {@link Error} too: a scheduler thread that let
     * it through would stop the job for good, silently), and returns it, or {@code null} after a success.
     */
    public static @Nullable Throwable run(Job job, JobListener listener) {
        long start = System.nanoTime();
        Throwable failure = null;
        try {
            job.body().run();
        } catch (Throwable t) { // NOPMD: an Error must not end the job for good
            failure = t;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (failure == null) {
            tell(job, () -> listener.succeeded(job, took));
            return null;
        }
        if (failure instanceof Exception) {
            LOG.warn("OpenGRU job {} failed after {}; it runs again in {}", job.name(), took, job.interval(), failure);
        } else {
            LOG.error("OpenGRU job {} failed after {}; it runs again in {}", job.name(), took, job.interval(), failure);
        }
        Throwable reported = failure;
        tell(job, () -> listener.failed(job, reported, took));
        return failure;
    }

    private static void tell(Job job, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("the listener of OpenGRU job {} failed", job.name(), e);
        }
    }

    /**
     * The jobs, refused when two share a name.
     *
     * @throws ValidationException naming the name and the two intervals
     */
    public static List<Job> distinct(List<Job> jobs) {
        Map<String, Job> seen = new HashMap<>();
        for (Job job : jobs) {
            Job before = seen.putIfAbsent(job.name(), job);
            if (before != null) {
                throw new ValidationException(
                        "job.name",
                        job.name(),
                        "names two jobs (set by " + before.setting() + " and " + job.setting() + "): each needs a name"
                                + " of its own");
            }
        }
        return List.copyOf(jobs);
    }
}
