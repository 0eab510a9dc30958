package org.opengru.spring.actuate;

import java.time.Duration;
import java.util.List;
import org.opengru.core.job.Job;
import org.opengru.core.job.JobListener;
import org.opengru.core.job.JobScheduler;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link CachedHealthIndicator}s in the background on this node ({@code
 * gru.health.refresh-interval}, the first time at start), one job each on a {@link JobScheduler#local}
 * scheduler: each node checks what it can reach itself, so these jobs are never shared between nodes.
 */
public final class GruHealthRefresh implements SmartLifecycle {

    private final JobScheduler scheduler;

    public GruHealthRefresh(List<CachedHealthIndicator> checks, Duration interval) {
        this.scheduler = JobScheduler.local(
                checks.stream()
                        .map(c -> Job.named("health-" + c.name())
                                .every(interval)
                                .minimumInterval(Duration.ofSeconds(5))
                                .setting("gru.health.refresh-interval")
                                .runsAtStart()
                                .runs(c::refresh))
                        .toList(),
                JobListener.none());
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
