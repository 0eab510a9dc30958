package org.opengru.core.jdbc;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.job.Job;
import org.opengru.core.job.JobListener;
import org.opengru.core.job.JobScheduler;
import org.opengru.core.job.internal.JobRunner;

/**
 * Runs the jobs once across every node sharing one PostgreSQL, on <a
 * href="https://github.com/kagkarlsson/db-scheduler">db-scheduler</a>: each job is a row of {@code
 * gru_scheduled_tasks} (migration V13) holding its next run time; a node picks a due row with {@code
 * SELECT ... FOR UPDATE SKIP LOCKED}, runs the job, and writes the next run time (the end of the run plus
 * the interval). So each job runs on one node at a time and once per interval whatever the number of
 * nodes.
 *
 * <p>While it runs a job, a node writes a heartbeat on the row every quarter of the {@linkplain
 * Builder#lease lease}. A node that dies mid-run (killed, frozen, cut from the database) stops writing
 * it: once the row's heartbeat is older than the lease, another node takes the job over and runs it at
 * once. A run's lock thus does not depend on how long the run takes. Each node runs each job on a thread
 * of its own (as many threads as jobs), so a slow job never delays another.
 *
 * <pre>{@code
 * JobScheduler jobs = PostgresJobScheduler.builder(dataSource)
 *         .jobs(List.of(relayJob, purgeJob))
 *         .nodeName("app-1")                     // default: host name and process id
 *         .lease(Duration.ofSeconds(30))
 *         .listener(metrics)
 *         .build();
 * jobs.start();
 * }</pre>
 */
public final class PostgresJobScheduler implements JobScheduler {

    /** The table of the jobs' rows (gru-core's migration V13). */
    public static final String TABLE = "gru_scheduled_tasks";

    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final List<Job> jobs;
    private final JobListener listener;
    private final String nodeName;
    private final Duration lease;
    private final Duration pollingInterval;
    private @Nullable Scheduler scheduler;

    private PostgresJobScheduler(Builder b) {
        this.dataSource = b.dataSource;
        this.jobs = JobRunner.distinct(b.jobs);
        this.listener = b.listener;
        this.nodeName = b.nodeName != null ? b.nodeName : defaultNodeName();
        this.lease = b.lease;
        this.pollingInterval = b.pollingInterval != null ? b.pollingInterval : defaultPolling(jobs);
    }

    /**
     * Starts a scheduler on that database (migration V13 applied).
     *
     * @param dataSource the database
     * @return the builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    @Override
    public List<Job> jobs() {
        return jobs;
    }

    /**
     * The name this node writes in {@code picked_by} while it runs a job.
     *
     * @return the node's name
     */
    public String nodeName() {
        return nodeName;
    }

    /**
     * How long a silent node keeps a job it was running before another node takes it over.
     *
     * @return the lease
     */
    public Duration lease() {
        return lease;
    }

    /**
     * How often this node looks for due jobs.
     *
     * @return the polling interval
     */
    public Duration pollingInterval() {
        return pollingInterval;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        List<RecurringTask<Void>> tasks = new ArrayList<>();
        for (Job job : jobs) {
            tasks.add(Tasks.recurring(job.name(), new FixedDelayAfterStart(job)).execute((instance, context) -> {
                Throwable failure = JobRunner.run(job, listener);
                if (failure != null) {
                    // Rethrown so that the row records the failure (last_failure, consecutive_failures);
                    // the job's schedule then sets its next run as after a success.
                    throw new JobFailedException(job, failure);
                }
            }));
        }
        Scheduler s = Scheduler.create(dataSource)
                .startTasks(tasks)
                .tableName(TABLE)
                .schedulerName(new SchedulerName.Fixed(nodeName))
                .threads(Math.max(1, jobs.size()))
                .pollingInterval(pollingInterval)
                .pollUsingLockAndFetch(0.5, 1.0)
                .heartbeatInterval(lease.dividedBy(4))
                .missedHeartbeatsLimit(4)
                .shutdownMaxWait(STOP_WAIT)
                // JobRunner already logged the failure, with the job's name and its next tick.
                .failureLogging(LogLevel.DEBUG, false)
                .build();
        s.start();
        scheduler = s;
    }

    @Override
    public synchronized void stop() {
        Scheduler s = scheduler;
        if (s != null) {
            scheduler = null;
            s.stop();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public void runAllOnce() {
        jobs.forEach(job -> JobRunner.run(job, listener));
    }

    private static String defaultNodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        // Two processes on one host (containers sharing a name, tests) stay apart by their process id.
        return host + "-" + ProcessHandle.current().pid();
    }

    /** The shortest interval, between 100 ms and 10 s: a due job waits at most that long for a node. */
    private static Duration defaultPolling(List<Job> jobs) {
        Duration shortest = Duration.ofSeconds(10);
        for (Job job : jobs) {
            if (job.interval().compareTo(shortest) < 0) {
                shortest = job.interval();
            }
        }
        return shortest.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : shortest;
    }

    /** The next run an interval after the end of the last one; the first one an interval after start. */
    private static final class FixedDelayAfterStart implements Schedule {
        private final Duration interval;
        private final boolean runsAtStart;

        FixedDelayAfterStart(Job job) {
            this.interval = job.interval();
            this.runsAtStart = job.runsAtStart();
        }

        @Override
        public Instant getNextExecutionTime(ExecutionComplete complete) {
            return complete.getTimeDone().plus(interval);
        }

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return runsAtStart ? now : now.plus(interval);
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }

    /** Carries a job's failure to db-scheduler, which records it on the job's row. */
    private static final class JobFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JobFailedException(Job job, Throwable cause) {
            super("OpenGRU job " + job.name() + " failed", cause, false, false);
        }
    }

    /** Configures a scheduler; every setter checks its value at once. */
    public static final class Builder {
        private final DataSource dataSource;
        private final List<Job> jobs = new ArrayList<>();
        private JobListener listener = JobListener.none();
        private @Nullable String nodeName;
        private Duration lease = Duration.ofSeconds(30);
        private @Nullable Duration pollingInterval;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Adds a job.
         *
         * @param job the job
         * @return this builder
         */
        public Builder job(Job job) {
            jobs.add(Objects.requireNonNull(job, "job"));
            return this;
        }

        /**
         * Adds jobs.
         *
         * @param jobs the jobs
         * @return this builder
         */
        public Builder jobs(List<Job> jobs) {
            jobs.forEach(this::job);
            return this;
        }

        /**
         * Told of each run (metrics, alerts); none unless set.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(JobListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The name this node writes on the rows of the jobs it runs (1 to 100 characters).
         *
         * @param nodeName the name
         * @return this builder
         */
        public Builder nodeName(String nodeName) {
            if (nodeName == null || nodeName.isBlank() || nodeName.length() > 100) {
                throw new ValidationException("jobs.nodeName", nodeName, "must be 1 to 100 characters");
            }
            this.nodeName = nodeName;
            return this;
        }

        /**
         * How long a node that stopped writing heartbeats (dead, frozen, cut from the database) keeps the job
         * it was running before another node takes it over: from 2 s to 1 h, 30 s unless set. The node writes
         * a heartbeat every quarter of it.
         *
         * @param lease the lease
         * @return this builder
         */
        public Builder lease(Duration lease) {
            if (lease == null
                    || lease.compareTo(Duration.ofSeconds(2)) < 0
                    || lease.compareTo(Duration.ofHours(1)) > 0) {
                throw new ValidationException(
                        "jobs.lease", lease, "must be between 2 seconds (PT2S) and 1 hour (PT1H)");
            }
            this.lease = lease;
            return this;
        }

        /**
         * How often the node looks for due jobs: from 50 ms to 1 min; unless set, the shortest interval of the
         * jobs, between 100 ms and 10 s.
         *
         * @param pollingInterval the interval
         * @return this builder
         */
        public Builder pollingInterval(Duration pollingInterval) {
            if (pollingInterval == null
                    || pollingInterval.compareTo(Duration.ofMillis(50)) < 0
                    || pollingInterval.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new ValidationException(
                        "jobs.pollingInterval", pollingInterval, "must be between 50 ms (PT0.05S) and 1 minute (PT1M)");
            }
            this.pollingInterval = pollingInterval;
            return this;
        }

        /**
         * The scheduler, not started.
         *
         * @throws ValidationException when two jobs share a name
         * @return the scheduler, not started
         */
        public PostgresJobScheduler build() {
            return new PostgresJobScheduler(this);
        }
    }
}
