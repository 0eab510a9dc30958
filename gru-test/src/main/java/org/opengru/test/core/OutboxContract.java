package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.EventId;
import org.opengru.core.outbox.DeliveryOutcome;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxClaim;
import org.opengru.core.outbox.OutboxMessage;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.tenancy.TenantId;
import org.opengru.test.MutableClock;

/**
 * The contract of the {@link Outbox} port. Extend it with your adapter's factory; each test gets a fresh
 * outbox (override {@link #resetStorage()} when the adapter keeps state between instances).
 */
public abstract class OutboxContract {

    protected static final TenantId TENANT = TenantId.of("commune-contract");
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private ExecutorService executor;

    /** A new outbox writing deliveries for these subscribers. */
    protected abstract Outbox newOutbox(Clock clock, Set<String> subscribers);

    /** Empties the adapter's storage before each test (a database adapter truncates its tables). */
    protected void resetStorage() {}

    @BeforeEach
    void setUpOutboxContract() {
        resetStorage();
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDownOutboxContract() {
        executor.shutdownNow();
    }

    protected static OutboxMessage message(String aggregateId, String type, Instant at) {
        return new OutboxMessage(
                EventId.of(UUID.randomUUID()),
                TENANT,
                "request",
                aggregateId,
                type,
                at,
                "{\"aggregate\":\"" + aggregateId + "\",\"type\":\"" + type + "\",\"text\":\"é\\u00e9 \\\"q\\\"\"}");
    }

    private List<OutboxMessage> appendEvents(Outbox outbox, String aggregateId, int n) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            messages.add(message(aggregateId, "Event" + i, clock.instant()));
        }
        outbox.append(messages);
        return messages;
    }

    @Test
    void appendWritesOneDeliveryPerSubscriberNumberedPerAggregateInOrder() {
        Outbox outbox = newOutbox(clock, Set.of("back-office", "archive"));
        String x = UUID.randomUUID().toString();
        List<OutboxMessage> sent = appendEvents(outbox, x, 3);

        for (String subscriber : List.of("back-office", "archive")) {
            List<OutboxRecord> stream = outbox.stream(subscriber, TENANT.value(), "request", x);
            assertThat(stream).extracting(OutboxRecord::streamSequence).containsExactly(1L, 2L, 3L);
            assertThat(stream).extracting(OutboxRecord::message).containsExactlyElementsOf(sent);
            assertThat(stream).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(OutboxStatus.PENDING);
                assertThat(r.attempts()).isZero();
                assertThat(r.subscriber()).isEqualTo(subscriber);
            });
        }
        assertThat(outbox.count(OutboxStatus.PENDING)).isEqualTo(6);
    }

    @Test
    void processHandsOnlyTheFirstPendingRecordOfEachAggregate() {
        Outbox outbox = newOutbox(clock, Set.of("back-office"));
        String x = UUID.randomUUID().toString();
        String y = UUID.randomUUID().toString();
        appendEvents(outbox, x, 3);
        appendEvents(outbox, y, 2);

        List<OutboxRecord> seen = new ArrayList<>();
        int handled = outbox.process(10, clock.instant(), r -> {
            seen.add(r);
            return new DeliveryOutcome.Delivered(clock.instant());
        });

        assertThat(handled).isEqualTo(2);
        assertThat(seen)
                .extracting(r -> r.message().aggregateId() + "#" + r.streamSequence())
                .containsExactlyInAnyOrder(x + "#1", y + "#1");
    }

    @Test
    void deliveringRecordsOneByOneFollowsEachAggregatesOrder() {
        Outbox outbox = newOutbox(clock, Set.of("back-office"));
        String x = UUID.randomUUID().toString();
        String y = UUID.randomUUID().toString();
        List<OutboxMessage> xs = appendEvents(outbox, x, 4);
        appendEvents(outbox, y, 4);

        List<OutboxRecord> seen = new ArrayList<>();
        while (outbox.process(3, clock.instant(), r -> {
                    seen.add(r);
                    return new DeliveryOutcome.Delivered(clock.instant());
                })
                > 0) {
            // keep going until nothing is deliverable
        }

        assertThat(seen).hasSize(8);
        assertThat(seen.stream().filter(r -> r.message().aggregateId().equals(x)))
                .extracting(OutboxRecord::message)
                .containsExactlyElementsOf(xs);
        assertThat(outbox.count(OutboxStatus.DELIVERED)).isEqualTo(8);
        assertThat(outbox.stream("back-office", TENANT.value(), "request", x)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(OutboxStatus.DELIVERED);
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.deliveredAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void aRetriedRecordWaitsForItsTimeAndBlocksTheLaterRecordsOfItsAggregate() {
        Outbox outbox = newOutbox(clock, Set.of("back-office"));
        String x = UUID.randomUUID().toString();
        appendEvents(outbox, x, 2);
        Instant retryAt = clock.instant().plus(Duration.ofMinutes(1));

        assertThat(outbox.process(10, clock.instant(), r -> new DeliveryOutcome.Retry(retryAt, "HTTP 503")))
                .isEqualTo(1);
        assertThat(outbox.process(10, clock.instant(), r -> {
                    throw new AssertionError("nothing is due: got " + r);
                }))
                .isZero();

        clock.advance(Duration.ofMinutes(1));
        List<OutboxRecord> seen = new ArrayList<>();
        outbox.process(10, clock.instant(), r -> {
            seen.add(r);
            return new DeliveryOutcome.Delivered(clock.instant());
        });
        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.streamSequence()).isEqualTo(1);
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.lastError()).isEqualTo("HTTP 503");
        });
    }

    @Test
    void aDeadRecordStopsRetryingNoLongerBlocksItsAggregateAndCanBeRequeued() {
        Outbox outbox = newOutbox(clock, Set.of("back-office"));
        String x = UUID.randomUUID().toString();
        List<OutboxMessage> sent = appendEvents(outbox, x, 2);

        outbox.process(10, clock.instant(), r -> new DeliveryOutcome.Dead("HTTP 410"));
        assertThat(outbox.count(OutboxStatus.DEAD)).isEqualTo(1);
        assertThat(outbox.withStatus(OutboxStatus.DEAD, 10))
                .singleElement()
                .satisfies(r -> assertThat(r.lastError()).isEqualTo("HTTP 410"));

        List<Long> seen = new ArrayList<>();
        outbox.process(10, clock.instant(), r -> {
            seen.add(r.streamSequence());
            return new DeliveryOutcome.Delivered(clock.instant());
        });
        assertThat(seen).containsExactly(2L);

        assertThat(outbox.retryDead(sent.get(0).eventId(), "back-office", clock.instant()))
                .isTrue();
        assertThat(outbox.retryDead(sent.get(0).eventId(), "back-office", clock.instant()))
                .as("only a dead record can be requeued")
                .isFalse();
        assertThat(outbox.stream("back-office", TENANT.value(), "request", x).get(0))
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(OutboxStatus.PENDING);
                    assertThat(r.attempts()).isZero();
                });
    }

    @Test
    void concurrentProcessorsNeverShareARecordNorOvertakeWithinAnAggregate() throws Exception {
        Outbox outbox = newOutbox(clock, Set.of("back-office"));
        String x = UUID.randomUUID().toString();
        String y = UUID.randomUUID().toString();
        appendEvents(outbox, x, 2);
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> seenByFirst = Collections.synchronizedList(new ArrayList<>());

        Future<Integer> first = executor.submit(() -> outbox.process(10, clock.instant(), r -> {
            seenByFirst.add(r.message().aggregateId() + "#" + r.streamSequence());
            firstHolds.countDown();
            await(release);
            return new DeliveryOutcome.Delivered(clock.instant());
        }));
        assertThat(firstHolds.await(10, TimeUnit.SECONDS)).isTrue();
        appendEvents(outbox, y, 1);

        List<String> seenBySecond = new ArrayList<>();
        outbox.process(10, clock.instant(), r -> {
            seenBySecond.add(r.message().aggregateId() + "#" + r.streamSequence());
            return new DeliveryOutcome.Delivered(clock.instant());
        });
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);

        assertThat(seenByFirst).containsExactly(x + "#1");
        assertThat(seenBySecond)
                .as("the second relay skips the claimed record and must not overtake it")
                .containsExactly(y + "#1");
    }

    @Test
    void eventIdsAndPayloadsSurviveStorageExactly() {
        Outbox outbox = newOutbox(clock, Set.of("back-office"));
        String x = UUID.randomUUID().toString();
        OutboxMessage m = new OutboxMessage(
                EventId.of(UUID.randomUUID()),
                TENANT,
                "request",
                x,
                "RequestSubmitted",
                Instant.parse("2026-03-02T09:00:00.123456789Z"),
                "{\"b\": 2,  \"a\":[1,2,{\"c\":\"d\"}], \"u\":\"\\u00e9t\\u00e9\"}");
        outbox.append(List.of(m));

        OutboxRecord stored =
                outbox.stream("back-office", TENANT.value(), "request", x).get(0);
        assertThat(stored.message()).isEqualTo(m);
        assertThat(stored.message().occurredAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00.123456Z"));
        assertThat(stored.message().payload())
                .as("the payload is kept byte for byte: it is what gets signed")
                .isEqualTo(m.payload());
    }

    @Test
    void aDeliveredRecordKeepsItsIdentifiersAndTheDigestOfItsPayloadOnly() {
        Outbox outbox = newOutbox(clock, Set.of("back-office", "archive"));
        String x = UUID.randomUUID().toString();
        OutboxMessage m = message(x, "RequestSubmitted", clock.instant());
        outbox.append(List.of(m));
        outbox.process(
                10,
                clock.instant(),
                r -> r.subscriber().equals("archive")
                        ? new DeliveryOutcome.Retry(clock.instant().plusSeconds(60), "HTTP 503")
                        : new DeliveryOutcome.Delivered(clock.instant()));
        outbox.process(10, clock.instant().plusSeconds(60), r -> new DeliveryOutcome.Delivered(clock.instant()));

        for (String subscriber : List.of("back-office", "archive")) {
            OutboxRecord stored =
                    outbox.stream(subscriber, TENANT.value(), "request", x).get(0);
            assertThat(stored.status()).isEqualTo(OutboxStatus.DELIVERED);
            assertThat(stored.message().payloadPruned()).isTrue();
            assertThat(stored.message().payload())
                    .as("no copy of the request is left once " + subscriber + " has it")
                    .isEqualTo(OutboxMessage.prunedPayload(m.payload()))
                    .doesNotContain(x);
            assertThat(stored.message().payloadSha256()).isEqualTo(m.payloadSha256());
            assertThat(stored.message().eventId()).isEqualTo(m.eventId());
            assertThat(stored.message().eventType()).isEqualTo(m.eventType());
            assertThat(stored.message().aggregateId()).isEqualTo(x);
            assertThat(stored.message().occurredAt()).isEqualTo(m.occurredAt());
            assertThat(stored.streamSequence()).isEqualTo(1);
            assertThat(stored.lastError()).as("an error may echo the payload").isNull();
        }
    }

    @Test
    void aDeadRecordKeepsItsPayloadUntilItsRetryIsDelivered() {
        Outbox outbox = newOutbox(clock, Set.of("back-office"));
        String x = UUID.randomUUID().toString();
        OutboxMessage m = message(x, "RequestSubmitted", clock.instant());
        outbox.append(List.of(m));
        outbox.process(10, clock.instant(), r -> new DeliveryOutcome.Dead("HTTP 410"));
        assertThat(outbox.withStatus(OutboxStatus.DEAD, 10))
                .singleElement()
                .satisfies(r -> assertThat(r.message().payload()).isEqualTo(m.payload()));

        assertThat(outbox.retryDead(m.eventId(), "back-office", clock.instant()))
                .isTrue();
        List<String> sent = new ArrayList<>();
        outbox.process(10, clock.instant(), r -> {
            sent.add(r.message().payload());
            return new DeliveryOutcome.Delivered(clock.instant());
        });
        assertThat(sent).as("the retry sends the whole payload").containsExactly(m.payload());
        assertThat(outbox.stream("back-office", TENANT.value(), "request", x)
                        .get(0)
                        .message()
                        .payload())
                .isEqualTo(OutboxMessage.prunedPayload(m.payload()));
    }

    @Test
    void aDeadRecordsPayloadIsPrunedAtTheEndOfItsRetentionAndCanNoLongerBeRetried() {
        Outbox outbox = newOutbox(clock, Set.of("back-office"));
        String x = UUID.randomUUID().toString();
        OutboxMessage m = message(x, "RequestSubmitted", clock.instant());
        outbox.append(List.of(m));
        Instant diedAt = clock.instant();
        outbox.process(
                10,
                diedAt,
                r -> new DeliveryOutcome.Dead("HTTP 422: " + r.message().payload()));

        assertThat(outbox.pruneDeadLetters(diedAt)).as("dead since, not before").isZero();
        assertThat(outbox.stream("back-office", TENANT.value(), "request", x)
                        .get(0)
                        .message()
                        .payload())
                .isEqualTo(m.payload());
        assertThat(outbox.pruneDeadLetters(diedAt.plusSeconds(1))).isEqualTo(1);
        assertThat(outbox.pruneDeadLetters(diedAt.plusSeconds(2)))
                .as("already pruned: its digest is not hashed again")
                .isZero();

        OutboxRecord stored =
                outbox.stream("back-office", TENANT.value(), "request", x).get(0);
        assertThat(stored.status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(stored.message().payload()).isEqualTo(OutboxMessage.prunedPayload(m.payload()));
        assertThat(stored.message().payloadSha256()).isEqualTo(m.payloadSha256());
        assertThat(stored.lastError()).isNull();
        assertThat(outbox.retryDead(m.eventId(), "back-office", clock.instant()))
                .as("nothing left to send")
                .isFalse();
    }

    @Test
    void aClaimHidesItsRecordsUntilItsLeaseEndsThenAnotherRelayTakesThemOver() {
        Outbox outbox = newOutbox(clock, Set.of("back-office"));
        String x = UUID.randomUUID().toString();
        appendEvents(outbox, x, 2);
        Duration lease = Duration.ofSeconds(30);

        // Node A claims, commits and dies before storing any outcome.
        OutboxClaim dead = outbox.claim(10, clock.instant(), lease);
        assertThat(dead.records()).extracting(OutboxRecord::streamSequence).containsExactly(1L);
        assertThat(dead.until()).isEqualTo(clock.instant().plus(lease));
        assertThat(outbox.claim(10, clock.instant(), lease).records())
                .as("hidden while the lease holds, and the next event of the request waits behind it")
                .isEmpty();
        clock.advance(lease.minusSeconds(1));
        assertThat(outbox.claim(10, clock.instant(), lease).records()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        OutboxClaim takeover = outbox.claim(10, clock.instant(), lease);
        assertThat(takeover.records()).singleElement().satisfies(r -> {
            assertThat(r.streamSequence()).isEqualTo(1);
            assertThat(r.attempts()).as("the lost attempt is counted").isEqualTo(1);
        });
        OutboxRecord first = takeover.records().get(0);
        assertThat(outbox.complete(dead, first, new DeliveryOutcome.Delivered(clock.instant()), clock.instant()))
                .as("the late holder's outcome is dropped")
                .isFalse();
        assertThat(outbox.stream("back-office", TENANT.value(), "request", x)
                        .get(0)
                        .status())
                .isEqualTo(OutboxStatus.PENDING);
        assertThat(outbox.complete(takeover, first, new DeliveryOutcome.Delivered(clock.instant()), clock.instant()))
                .isTrue();
        assertThat(outbox.complete(takeover, first, new DeliveryOutcome.Delivered(clock.instant()), clock.instant()))
                .as("stored once")
                .isFalse();

        assertThat(outbox.claim(10, clock.instant(), lease).records())
                .extracting(OutboxRecord::streamSequence)
                .containsExactly(2L);
        assertThat(outbox.stream("back-office", TENANT.value(), "request", x).get(0))
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(OutboxStatus.DELIVERED);
                    assertThat(r.attempts()).isEqualTo(2);
                });
    }

    @Test
    void aReleasedRecordIsDueAgainWithNoAttemptCountedAndStillHoldsBackItsRequest() {
        Outbox outbox = newOutbox(clock, Set.of("back-office"));
        String x = UUID.randomUUID().toString();
        appendEvents(outbox, x, 2);
        OutboxClaim claim = outbox.claim(10, clock.instant(), Duration.ofMinutes(1));
        OutboxRecord first = claim.records().get(0);
        Instant later = clock.instant().plusSeconds(5);

        assertThat(outbox.complete(claim, first, new DeliveryOutcome.Released(later), clock.instant()))
                .isTrue();
        assertThat(outbox.claim(10, clock.instant(), Duration.ofMinutes(1)).records())
                .isEmpty();
        clock.advance(Duration.ofSeconds(5));
        assertThat(outbox.claim(10, clock.instant(), Duration.ofMinutes(1)).records())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.streamSequence()).isEqualTo(1);
                    assertThat(r.attempts()).isZero();
                });
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
