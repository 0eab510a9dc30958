package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.EventId;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxMessage;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.core.outbox.RetryPolicy;
import org.opengru.core.tenancy.TenantId;
import org.opengru.test.MutableClock;

class OutboxRelayTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    private static final class AlwaysFailing implements OutboxSubscriber {
        final List<Instant> attempts = new ArrayList<>();
        private final MutableClock clock;

        AlwaysFailing(MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public String name() {
            return "back-office";
        }

        @Override
        public DeliveryResult deliver(OutboxRecord record) {
            attempts.add(clock.instant());
            return DeliveryResult.retry("HTTP 503");
        }
    }

    @Test
    void backsOffExponentiallyWithJitterThenDeadLetters() {
        Outbox outbox = Outbox.inMemory(clock, Set.of("back-office"));
        outbox.append(List.of(new OutboxMessage(
                EventId.of(UUID.randomUUID()),
                TenantId.of("commune-a"),
                "request",
                "r1",
                "RequestSubmitted",
                clock.instant(),
                "{}")));
        AlwaysFailing subscriber = new AlwaysFailing(clock);
        OutboxRelay relay = OutboxRelay.builder(outbox, clock)
                .subscriber(subscriber)
                .retry(5, Duration.ofSeconds(10), Duration.ofSeconds(60))
                .random(new Random(42))
                .build();

        for (int i = 0; i < 1000 && outbox.count(OutboxStatus.PENDING) > 0; i++) {
            relay.runOnce();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(subscriber.attempts).hasSize(5);
        long[] bounds = {10, 20, 40, 60};
        for (int i = 1; i < subscriber.attempts.size(); i++) {
            long gap = Duration.between(subscriber.attempts.get(i - 1), subscriber.attempts.get(i))
                    .toSeconds();
            // Delay in [d/2, d], seen on a clock that moves by whole seconds.
            assertThat(gap).as("gap before attempt " + (i + 1)).isBetween(bounds[i - 1] / 2, bounds[i - 1] + 1);
        }
        OutboxRecord dead = outbox.withStatus(OutboxStatus.DEAD, 10).get(0);
        assertThat(dead.attempts()).isEqualTo(5);
        assertThat(dead.lastError()).isEqualTo("attempt 5: HTTP 503");
    }

    @Test
    void aPermanentFailureDeadLettersAtOnce() {
        Outbox outbox = Outbox.inMemory(clock, Set.of("back-office"));
        outbox.append(List.of(new OutboxMessage(
                EventId.of(UUID.randomUUID()),
                TenantId.of("commune-a"),
                "request",
                "r1",
                "RequestSubmitted",
                clock.instant(),
                "{}")));
        OutboxRelay relay = OutboxRelay.builder(outbox, clock)
                .subscriber(new OutboxSubscriber() {
                    @Override
                    public String name() {
                        return "back-office";
                    }

                    @Override
                    public DeliveryResult deliver(OutboxRecord record) {
                        return DeliveryResult.permanent("HTTP 410");
                    }
                })
                .build();
        relay.runOnce();
        assertThat(outbox.count(OutboxStatus.DEAD)).isEqualTo(1);
    }

    @Test
    void retryPolicyDelaysStayWithinTheirBounds() {
        RetryPolicy policy = new RetryPolicy(20, Duration.ofMillis(100), Duration.ofSeconds(5));
        Random random = new Random(7);
        for (int failures = 1; failures < 20; failures++) {
            long d = Math.min(5000, 100L << (failures - 1));
            for (int i = 0; i < 50; i++) {
                assertThat(policy.delayAfter(failures, random).toMillis()).isBetween(d / 2, d);
            }
        }
    }

    private Outbox oneEvent(String payload) {
        Outbox outbox = Outbox.inMemory(clock, Set.of("back-office"));
        outbox.append(List.of(new OutboxMessage(
                EventId.of(UUID.randomUUID()),
                TenantId.of("commune-a"),
                "request",
                "r1",
                "RequestSubmitted",
                clock.instant(),
                payload)));
        return outbox;
    }

    private static OutboxSubscriber answering(OutboxSubscriber.DeliveryResult result) {
        return new OutboxSubscriber() {
            @Override
            public String name() {
                return "back-office";
            }

            @Override
            public DeliveryResult deliver(OutboxRecord record) {
                return result;
            }
        };
    }

    @Test
    void aFailureDetailIsKeptAsItsFirstLineCutAt200Characters() {
        Outbox outbox = oneEvent("{\"applicant\":\"Jeanne Martin\"}");
        String echo = "HTTP 422 " + "x".repeat(300) + "\n{\"applicant\":\"Jeanne Martin\"}";
        OutboxRelay.builder(outbox, clock)
                .subscriber(answering(OutboxSubscriber.DeliveryResult.permanent(echo)))
                .build()
                .runOnce();
        String error = outbox.withStatus(OutboxStatus.DEAD, 1).get(0).lastError();
        assertThat(error).startsWith("attempt 1: HTTP 422 xxx").doesNotContain("Jeanne");
        assertThat(error.length()).isEqualTo("attempt 1: ".length() + OutboxRelay.MAX_ERROR);
    }

    @Test
    void deadLettersArePrunedOnceTheirRetentionHasPassed() {
        Outbox outbox = oneEvent("{\"applicant\":\"Jeanne Martin\"}");
        OutboxRelay relay = OutboxRelay.builder(outbox, clock)
                .subscriber(answering(OutboxSubscriber.DeliveryResult.permanent("HTTP 410")))
                .deadLetterRetention(Duration.ofDays(30))
                .build();
        relay.runOnce();
        clock.advance(Duration.ofDays(30));
        assertThat(relay.pruneDeadLetters()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.pruneDeadLetters()).isEqualTo(1);
        assertThat(outbox.withStatus(OutboxStatus.DEAD, 1).get(0).message().payload())
                .doesNotContain("Jeanne");
    }

    @Test
    void aDeadLetterRetentionOutOfBoundsIsRefusedNamingTheValue() {
        OutboxRelay.Builder builder = OutboxRelay.builder(oneEvent("{}"), clock);
        for (Duration bad : new Duration[] {Duration.ofMinutes(59), Duration.ofDays(367), Duration.ZERO}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.deadLetterRetention(bad))
                    .isInstanceOf(org.opengru.core.error.ValidationException.class)
                    .hasMessageContaining("relay.deadLetterRetention")
                    .hasMessageContaining(bad.toString());
        }
    }

    /** A subscriber whose calls take {@code call} on the test clock and may last up to {@code timeout}. */
    private static OutboxSubscriber slow(MutableClock clock, Duration call, Duration timeout, List<String> seen) {
        return new OutboxSubscriber() {
            @Override
            public String name() {
                return "back-office";
            }

            @Override
            public Duration timeout() {
                return timeout;
            }

            @Override
            public DeliveryResult deliver(OutboxRecord record) {
                seen.add(record.message().aggregateId());
                clock.advance(call);
                return DeliveryResult.ok("HTTP 204");
            }
        };
    }

    @Test
    void aLeaseShorterThanASubscribersTimeoutIsRefusedNamingTheProperty() {
        OutboxRelay.Builder builder = OutboxRelay.builder(oneEvent("{}"), clock)
                .subscriber(slow(clock, Duration.ZERO, Duration.ofSeconds(10), new ArrayList<>()))
                .lease(Duration.ofSeconds(9));
        org.assertj.core.api.Assertions.assertThatThrownBy(builder::build)
                .isInstanceOf(org.opengru.core.error.ValidationException.class)
                .hasMessageContaining("relay.lease")
                .hasMessageContaining("PT9S")
                .hasMessageContaining("PT10S");
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(999), Duration.ofMinutes(61)}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.lease(bad))
                    .isInstanceOf(org.opengru.core.error.ValidationException.class)
                    .hasMessageContaining("relay.lease")
                    .hasMessageContaining(bad.toString());
        }
        assertThat(OutboxRelay.builder(oneEvent("{}"), clock)
                        .subscriber(slow(clock, Duration.ZERO, Duration.ofSeconds(45), new ArrayList<>()))
                        .build()
                        .lease())
                .as("unless set: twice the longest timeout, at least a minute")
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aDeliveryStartsOnlyWhileItsTimeoutFitsInTheLeaseTheRestIsReleasedUncounted() {
        Outbox outbox = Outbox.inMemory(clock, Set.of("back-office"));
        for (String request : List.of("r1", "r2", "r3")) {
            outbox.append(List.of(new OutboxMessage(
                    EventId.of(UUID.randomUUID()),
                    TenantId.of("commune-a"),
                    "request",
                    request,
                    "RequestSubmitted",
                    clock.instant(),
                    "{}")));
        }
        List<String> seen = new ArrayList<>();
        OutboxRelay relay = OutboxRelay.builder(outbox, clock)
                .subscriber(slow(clock, Duration.ofSeconds(10), Duration.ofSeconds(15), seen))
                .lease(Duration.ofSeconds(30))
                .build();

        // 10 s per call, up to 15 s: after two calls 10 s of the lease are left, too few for a third.
        assertThat(relay.runOnce()).isEqualTo(2);
        assertThat(seen).containsExactly("r1", "r2");
        assertThat(outbox.withStatus(OutboxStatus.PENDING, 10)).singleElement().satisfies(r -> {
            assertThat(r.message().aggregateId()).isEqualTo("r3");
            assertThat(r.attempts()).isZero();
            assertThat(r.nextAttemptAt()).isEqualTo(clock.instant());
        });
        assertThat(relay.runOnce()).isEqualTo(1);
        assertThat(outbox.count(OutboxStatus.DELIVERED)).isEqualTo(3);
    }
}
