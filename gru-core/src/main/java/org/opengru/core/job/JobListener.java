package org.opengru.core.job;

import java.time.Duration;
import java.util.List;

/**
 * Told of each run of a job, on the thread that ran it (metrics, alerts). A listener that throws is
 * logged and does not affect the job.
 */
public interface JobListener {

    /**
     * {@code job} ran to its end in {@code took}.
     *
     * @param job the job
     * @param took how long the run lasted
     */
    default void succeeded(Job job, Duration took) {}

    /**
     * {@code job} threw {@code failure} (an exception or an error) after {@code took}; it runs again at its
     * next tick.
     *
     * @param job the job
     * @param failure what it threw
     * @param took how long the run lasted
     */
    default void failed(Job job, Throwable failure, Duration took) {}

    /**
     * Listens to nothing.
     *
     * @return a listener that does nothing
     */
    static JobListener none() {
        return new JobListener() {};
    }

    /**
     * Tells each listener in turn.
     *
     * @param listeners the listeners, in order
     * @return one listener telling them all; one that throws does not keep the others from being told
     */
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
