package org.opengru.core.job;

import java.time.Duration;
import java.util.List;

/**
 * Told of each run of a job, on the thread that ran it (metrics, alerts). A listener that throws is
 * logged and does not affect the job.
 */
public interface JobListener {

    /** {@code job} ran to its end in {@code took}. */
    default void succeeded(Job job, Duration took) {}

    /**
     * {@code job} threw {@code failure} (an exception or an error) after {@code took}; it runs again at its
     * next tick.
     */
    default void failed(Job job, Throwable failure, Duration took) {}

    /** Listens to nothing. */
    static JobListener none() {
        return new JobListener() {};
    }

    /** Tells each listener in turn. */
    static JobListener all(List<JobListener> listeners) {
        List<JobListener> copy = List.copyOf(listeners);
        return new JobListener() {
            @Override
            public void succeeded(Job job, Duration took) {
                copy.forEach(l -> l.succeeded(job, took));
            }

            @Override
            public void failed(Job job, Throwable failure, Duration took) {
                copy.forEach(l -> l.failed(job, failure, took));
            }
        };
    }
}
