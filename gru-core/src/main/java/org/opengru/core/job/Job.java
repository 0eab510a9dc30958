package org.opengru.core.job;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;

/**
 * A periodic job: a name, how long to wait after a run before the next one, and what to run. A {@link
 * JobScheduler} runs each job once per interval, never twice at once (on PostgreSQL, across every node).
 *
 * <pre>{@code
 * Job relay = Job.named("outbox-relay")
 *         .every(Duration.ofSeconds(1))
 *         .minimumInterval(Duration.ofMillis(100))
 *         .setting("gru.jobs.outbox-relay-interval")      // named when the interval is refused
 *         .runs(outboxRelay::drain);
 * Job purge = Job.every("retention-saint-martin", Duration.ofHours(6), () -> purgeJob.run(tenant));
 * }</pre>
 *
 * @param name the job's name, unique within a scheduler: lower-case letters, digits, {@code .}, {@code _}
 *     and {@code -}, at most 100 characters (on PostgreSQL, the key of its row)
 * @param interval how long after the end of a run the next one starts (fixed delay)
 * @param minimumInterval the shortest interval this job accepts; a shorter one is refused
 * @param setting the configuration item that sets the interval, named when it is refused
 * @param runsAtStart whether the first run is at start rather than one interval after it
 * @param body the work; an exception or an error it throws is logged, counted, and the job runs again
 *     at its next tick
 */
public record Job(
        String name, Duration interval, Duration minimumInterval, String setting, boolean runsAtStart, Runnable body) {

    /** The minimum interval of a job that does not set one. */
    public static final Duration DEFAULT_MINIMUM_INTERVAL = Duration.ofMillis(100);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    /**
     * Checks the name, the setting, and that the interval is at least the minimum.
     *
     * @param name the job's name, unique within a scheduler: lower-case letters, digits, {@code .}, {@code _}
     *     and {@code -}, at most 100 characters (on PostgreSQL, the key of its row)
     * @param interval how long after the end of a run the next one starts (fixed delay)
     * @param minimumInterval the shortest interval this job accepts; a shorter one is refused
     * @param setting the configuration item that sets the interval, named when it is refused
     * @param runsAtStart whether the first run is at start rather than one interval after it
     * @param body the work; an exception or an error it throws is logged, counted, and the job runs again
     *     at its next tick
     * @throws org.opengru.core.error.ValidationException naming {@code job.name}, {@code job.<name>.minimumInterval},
     *     or the setting when the interval is
     *     under the minimum
     */
    public Job {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException(
                    "job.name", name, "must be lower-case letters, digits, '.', '_' or '-' (at most 100 characters)");
        }
        if (setting == null || setting.isBlank()) {
            throw new ValidationException("job." + name + ".setting", setting, "must not be blank");
        }
        if (minimumInterval == null || minimumInterval.isNegative() || minimumInterval.isZero()) {
            throw new ValidationException("job." + name + ".minimumInterval", minimumInterval, "must be positive");
        }
        if (interval == null || interval.compareTo(minimumInterval) < 0) {
            throw new ValidationException(
                    setting, interval, "is under the minimum interval " + minimumInterval + " of job '" + name + "'");
        }
        Objects.requireNonNull(body, "body");
    }

    /**
     * A job with the default minimum interval, its interval named {@code job.<name>.interval} in errors.
     *
     * @param name the job's name
     * @param interval how long after the end of a run the next one starts
     * @param body the work
     * @return the job
     * @throws org.opengru.core.error.ValidationException naming what is wrong
     */
    public static Job every(String name, Duration interval, Runnable body) {
        return named(name).every(interval).runs(body);
    }

    /**
     * Starts a job definition.
     *
     * @param name the job's name
     * @return the builder
     */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /**
     * This job with another interval (an operator's override), checked against its minimum.
     *
     * @param interval the new interval
     * @param setting the configuration item it comes from, named if it is refused
     * @return the job with that interval
     * @throws org.opengru.core.error.ValidationException naming the setting when the interval is under the minimum
     */
    public Job withInterval(Duration interval, String setting) {
        return new Job(name, interval, minimumInterval, setting, runsAtStart, body);
    }

    /** Builds a {@link Job}; {@link #runs} checks the whole definition. */
    public static final class Builder {
        private final String name;
        private @Nullable Duration interval;
        private Duration minimumInterval = DEFAULT_MINIMUM_INTERVAL;
        private @Nullable String setting;
        private boolean runsAtStart;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * How long after the end of a run the next one starts.
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder every(Duration interval) {
            this.interval = interval;
            return this;
        }

        /**
         * The shortest interval this job accepts ({@link Job#DEFAULT_MINIMUM_INTERVAL} unless set).
         *
         * @param minimumInterval the minimum, positive
         * @return this builder
         */
        public Builder minimumInterval(Duration minimumInterval) {
            this.minimumInterval = minimumInterval;
            return this;
        }

        /**
         * The configuration item that sets the interval (a property name), named when it is refused.
         *
         * @param setting the property name, such as {@code gru.jobs.outbox-relay-interval}
         * @return this builder
         */
        public Builder setting(String setting) {
            this.setting = setting;
            return this;
        }

        /**
         * Runs the job first at start, not one interval after it.
         *
         * @return this builder
         */
        public Builder runsAtStart() {
            this.runsAtStart = true;
            return this;
        }

        /**
         * The job running {@code body}; throws {@link ValidationException} naming what is wrong.
         *
         * @param body the work
         * @return the job
         */
        public Job runs(Runnable body) {
            String named = setting != null ? setting : "job." + name + ".interval";
            if (interval == null) {
                throw new ValidationException(named, null, "is required");
            }
            return new Job(name, interval, minimumInterval, named, runsAtStart, body);
        }
    }
}
