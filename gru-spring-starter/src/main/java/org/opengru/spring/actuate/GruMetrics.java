package org.opengru.spring.actuate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.opengru.core.event.DomainEvents;
import org.opengru.core.job.Job;
import org.opengru.core.job.JobListener;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.core.request.RequestStatusChanged;
import org.opengru.spring.core.OutboxDeliveryObserver;

/**
 * OpenGRU's Micrometer meters:
 *
 * <ul>
 *   <li>{@code gru.requests.transitions} (counter; tags tenant, status, action): requests reaching each status;
 *   <li>{@code gru.bookings} (counter; tags tenant, kind): booking events (held, booked, cancelled...);
 *   <li>{@code gru.outbox.lag} (gauge, seconds), {@code gru.outbox.pending}, {@code gru.outbox.dead} (gauges);
 *   <li>{@code gru.webhook.deliveries} (counter; tags subscriber, outcome = delivered, retry, failed):
 *       failed is a permanent failure;
 *   <li>{@code gru.signin} (counter; tags side, tenant, outcome): FranceConnect and ProConnect callbacks;
 *   <li>{@code gru.jobs.runs} (timer; tags job, outcome = success, failure): each run of a periodic job on
 *       this node; {@code gru.jobs.failures} (counter; tags job, error = the exception's class): failed runs.
 * </ul>
 */
public final class GruMetrics implements OutboxDeliveryObserver {

    private final MeterRegistry registry;

    public GruMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts request transitions from the event bus. */
    public void bindRequests(DomainEvents events) {
        events.subscribe(
                RequestStatusChanged.class,
                e -> Counter.builder("gru.requests.transitions")
                        .description("Requests reaching a status")
                        .tag("tenant", e.tenant().value())
                        .tag("status", e.to().name())
                        .tag("action", e.action().name())
                        .register(registry)
                        .increment());
    }

    /** Gauges of the outbox backlog (queried at each scrape). */
    public void bindOutbox(Outbox outbox, Clock clock) {
        Gauge.builder(
                        "gru.outbox.lag",
                        () -> GruHealthIndicators.OutboxLag.of(outbox, clock).toMillis() / 1000.0)
                .description("Age of the oldest pending outbox delivery")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("gru.outbox.pending", () -> outbox.count(OutboxStatus.PENDING))
                .description("Outbox deliveries waiting")
                .register(registry);
        Gauge.builder("gru.outbox.dead", () -> outbox.count(OutboxStatus.DEAD))
                .description("Outbox deliveries given up (dead letters)")
                .register(registry);
    }

    @Override
    public void attempted(OutboxRecord record, OutboxSubscriber.DeliveryResult result) {
        String outcome = result.delivered() ? "delivered" : result.permanent() ? "failed" : "retry";
        Counter.builder("gru.webhook.deliveries")
                .description("Outbox delivery attempts by subscriber and outcome")
                .tag("subscriber", record.subscriber())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** Counts one sign-in callback. */
    public void signIn(String side, String tenant, String outcome) {
        Counter.builder("gru.signin")
                .description("FranceConnect and ProConnect sign-in callbacks by outcome")
                .tag("side", side)
                .tag("tenant", tenant)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** Counts one booking event. */
    public void booking(String tenant, @Nullable String kind) {
        Counter.builder("gru.bookings")
                .description("Booking events by kind")
                .tag("tenant", tenant)
                .tag("kind", kind == null ? "unknown" : kind)
                .register(registry)
                .increment();
    }

    /** Times each job run and counts the failed ones. */
    public JobListener jobListener() {
        return new JobListener() {
            @Override
            public void succeeded(Job job, Duration took) {
                run(job, "success").record(took);
            }

            @Override
            public void failed(Job job, Throwable failure, Duration took) {
                run(job, "failure").record(took);
                Counter.builder("gru.jobs.failures")
                        .description(
                                "Failed runs of a periodic job (an exception or an error), retried at the next tick")
                        .tag("job", job.name())
                        .tag("error", failure.getClass().getSimpleName())
                        .register(registry)
                        .increment();
            }
        };
    }

    private Timer run(Job job, String outcome) {
        return Timer.builder("gru.jobs.runs")
                .description("Runs of a periodic job on this node")
                .tag("job", job.name())
                .tag("outcome", outcome)
                .register(registry);
    }
}
