package org.opengru.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;

class LocalJobSchedulerTest {

    private static final Duration OFTEN = Duration.ofMillis(100);

    /** Records what the scheduler reports. */
    private static final class Recorder implements JobListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch failuresThenSuccess;

        Recorder(int expected) {
            this.failuresThenSuccess = new CountDownLatch(expected);
        }

        @Override
        public void succeeded(Job job, Duration took) {
            events.add(job.name() + " ok");
            failuresThenSuccess.countDown();
        }

        @Override
        public void failed(Job job, Throwable failure, Duration took) {
            events.add(job.name() + " failed: " + failure.getClass().getSimpleName());
            failuresThenSuccess.countDown();
        }
    }

    @Test
    void aJobThatThrowsAnErrorOrAnExceptionIsReportedAndRunsAgainAtItsNextTick() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Job flaky = Job.every("flaky", OFTEN, () -> {
            int run = runs.incrementAndGet();
            if (run == 1) {
                throw new OutOfMemoryError("simulated");
            }
            if (run == 2) {
                throw new IllegalStateException("simulated");
            }
        });
        Recorder recorder = new Recorder(3);
        try (JobScheduler scheduler = JobScheduler.local(List.of(flaky), recorder)) {
            scheduler.start();
            assertThat(recorder.failuresThenSuccess.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(recorder.events.subList(0, 3))
                .containsExactly("flaky failed: OutOfMemoryError", "flaky failed: IllegalStateException", "flaky ok");
    }

    @Test
    void aStuckJobDoesNotStarveTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch stuckStarted = new CountDownLatch(1);
        Job stuck = Job.named("stuck").every(OFTEN).runsAtStart().runs(() -> {
            stuckStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CountDownLatch otherRuns = new CountDownLatch(3);
        Job other = Job.every("other", OFTEN, otherRuns::countDown);
        try (JobScheduler scheduler = JobScheduler.local(List.of(stuck, other), JobListener.none())) {
            scheduler.start();
            assertThat(stuckStarted.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(otherRuns.await(30, TimeUnit.SECONDS))
                    .as("the other job ran three times while the first one was stuck")
                    .isTrue();
            release.countDown();
        }
    }

    @Test
    void aJobNeverOverlapsItself() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        CountDownLatch runs = new CountDownLatch(5);
        Job job = Job.every("single", OFTEN, () -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.onSpinWait();
            running.decrementAndGet();
            runs.countDown();
        });
        try (JobScheduler scheduler = JobScheduler.local(List.of(job), JobListener.none())) {
            scheduler.start();
            assertThat(runs.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(maxRunning.get()).isEqualTo(1);
    }

    @Test
    void runAllOnceRunsEachJobEvenAfterAnotherFailed() {
        List<String> ran = new ArrayList<>();
        Job failing = Job.every("failing", OFTEN, () -> {
            ran.add("failing");
            throw new IllegalStateException("simulated");
        });
        Job next = Job.every("next", OFTEN, () -> ran.add("next"));
        Recorder recorder = new Recorder(2);
        JobScheduler.local(List.of(failing, next), recorder).runAllOnce();
        assertThat(ran).containsExactly("failing", "next");
        assertThat(recorder.events).containsExactly("failing failed: IllegalStateException", "next ok");
    }

    @Test
    void twoJobsWithOneNameAreRefused() {
        Job first = Job.named("purge").every(Duration.ofHours(6)).setting("a").runs(() -> {});
        Job second = Job.named("purge").every(Duration.ofHours(1)).setting("b").runs(() -> {});
        assertThatThrownBy(() -> JobScheduler.local(List.of(first, second), JobListener.none()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("job.name")
                .hasMessageContaining("purge")
                .hasMessageContaining("set by a and b");
    }

    @Test
    void anIntervalUnderTheJobsMinimumIsRefusedNamingItsSetting() {
        assertThatThrownBy(() -> Job.named("outbox-relay")
                        .every(Duration.ofMillis(10))
                        .setting("gru.jobs.outbox-relay-interval")
                        .runs(() -> {}))
                .isInstanceOf(ValidationException.class)
                .satisfies(
                        e -> assertThat(((ValidationException) e).field()).isEqualTo("gru.jobs.outbox-relay-interval"))
                .hasMessageContaining("PT0.01S")
                .hasMessageContaining("under the minimum interval PT0.1S of job 'outbox-relay'");
        Job hourly = Job.named("retention")
                .every(Duration.ofHours(6))
                .minimumInterval(Duration.ofMinutes(1))
                .runs(() -> {});
        assertThatThrownBy(() -> hourly.withInterval(Duration.ofSeconds(5), "gru.jobs.intervals.retention"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("gru.jobs.intervals.retention")
                .hasMessageContaining("under the minimum interval PT1M");
        assertThatThrownBy(() -> Job.every("Bad Name", OFTEN, () -> {}))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("job.name")
                .hasMessageContaining("Bad Name");
        assertThatThrownBy(() -> Job.named("no-interval").runs(() -> {}))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("job.no-interval.interval");
    }
}
