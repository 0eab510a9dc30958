package org.opengru.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to its subscribers. Call {@link #drain()} periodically, as a {@link
 * org.opengru.core.job.Job} of a {@link org.opengru.core.job.JobScheduler} (or from any other scheduler), on
 * as many nodes as you like: the outbox hands each record to one caller at a time, in order per aggregate.
 *
 * <p>Each batch is claimed with a lease ({@link Builder#lease}, a visibility deadline) and the claim is
 * committed at once; the subscribers are then called with no database transaction and no pooled
 * connection held, and each outcome is stored on its own as soon as it is known. A delivery starts only
 * while the subscriber's {@link OutboxSubscriber#timeout()} still fits in the lease; the rest of the batch
 * is released for the next round. A node that dies mid-batch leaves its records hidden until the lease
 * ends, then any relay takes them over. Delivery is at least once: a crash between the subscriber's
 * acknowledgment and the stored outcome delivers the event again, with the same event id.
 *
 * <p>A dead letter keeps its payload for {@link Builder#deadLetterRetention} (30 days unless set), so that
 * an operator can retry it; call {@link #pruneDeadLetters()} daily, from the same scheduler, to prune
 * the older ones. What a subscriber reports of a failure is kept as the delivery's last error, cut to its
 * first line and {@value #MAX_ERROR} characters: a response echoing the request would otherwise keep
 * a copy of personal data in the outbox.
 *
 * <pre>{@code
 * OutboxRelay relay = OutboxRelay.builder(outbox, clock).subscriber(webhookSender).build();
 * Job job = Job.every("outbox-relay", Duration.ofSeconds(1), relay::drain);
 * }</pre>
 */
public final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    /** The shortest lease a relay gets when none is set. */
    private static final Duration MIN_DEFAULT_LEASE = Duration.ofMinutes(1);

    /** The longest failure detail kept from a subscriber. */
    public static final int MAX_ERROR = 200;

    private final Outbox outbox;
    private final Clock clock;
    private final Map<String, OutboxSubscriber> subscribers;
    private final RetryPolicy retry;
    private final int batchSize;
    private final RandomGenerator random;
    private final Duration deadLetterRetention;
    private final Duration lease;

    private OutboxRelay(Builder b, Duration lease) {
        this.outbox = b.outbox;
        this.clock = b.clock;
        this.subscribers = Map.copyOf(b.subscribers);
        this.retry = b.retry;
        this.batchSize = b.batchSize;
        this.random = b.random;
        this.deadLetterRetention = b.deadLetterRetention;
        this.lease = lease;
    }

    /**
     * Starts a relay on that outbox; at least one subscriber is required.
     *
     * @param outbox the outbox
     * @param clock the installation's clock
     * @return the builder
     */
    public static Builder builder(Outbox outbox, Clock clock) {
        return new Builder(outbox, clock);
    }

    /**
     * Handles one batch of due deliveries; returns how many were handled (0 when nothing is due).
     *
     * @return the number handled
     */
    public int runOnce() {
        OutboxClaim claim = outbox.claim(batchSize, clock.instant(), lease);
        List<OutboxRecord> records = claim.records();
        for (int i = 0; i < records.size(); i++) {
            OutboxRecord record = records.get(i);
            if (i > 0 && !fitsInLease(record, claim)) {
                // The call might outlast the lease, and another relay take the record over meanwhile.
                for (OutboxRecord rest : records.subList(i, records.size())) {
                    outbox.complete(claim, rest, new DeliveryOutcome.Released(clock.instant()), clock.instant());
                }
                return i;
            }
            DeliveryOutcome outcome = handle(record);
            if (!outbox.complete(claim, record, outcome, clock.instant())) {
                LOG.warn(
                        "outbox event {} to {}: outcome not stored, the lease ended and another relay took the event over"
                                + " (it delivers it again) or the event was purged",
                        record.message().eventId(),
                        record.subscriber());
            }
        }
        return records.size();
    }

    /**
     * The lease of each batch.
     *
     * @return the lease
     */
    public Duration lease() {
        return lease;
    }

    private boolean fitsInLease(OutboxRecord record, OutboxClaim claim) {
        OutboxSubscriber subscriber = subscribers.get(record.subscriber());
        Duration longest = subscriber == null ? Duration.ZERO : subscriber.timeout();
        return !clock.instant().plus(longest).isAfter(claim.until());
    }

    /**
     * Runs batches until nothing is due or {@code maxBatches} ran; returns the number of deliveries
     * handled. Handy as the body of a scheduled job.
     *
     * @param maxBatches the most batches
     * @return the number handled
     */
    public int drain(int maxBatches) {
        int total = 0;
        for (int i = 0; i < maxBatches; i++) {
            int n = runOnce();
            if (n == 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /**
     * {@link #drain(int)} with at most 100 batches.
     *
     * @return the number handled
     */
    public int drain() {
        return drain(100);
    }

    /**
     * Prunes the payloads of the deliveries dead for longer than the dead-letter retention (they can no
     * longer be retried); returns how many. Idempotent, safe on several nodes at once.
     *
     * @return the number pruned
     */
    public int pruneDeadLetters() {
        return outbox.pruneDeadLetters(clock.instant().minus(deadLetterRetention));
    }

    /** The first line of a failure detail, at most {@link #MAX_ERROR} characters. */
    private static String errorText(String detail) {
        String line = detail.lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            line = "(no detail)";
        }
        return line.length() > MAX_ERROR ? line.substring(0, MAX_ERROR - 1) + "\u2026" : line;
    }

    private DeliveryOutcome handle(OutboxRecord record) {
        OutboxSubscriber subscriber = subscribers.get(record.subscriber());
        int failures = record.attempts() + 1;
        if (subscriber == null) {
            // Not configured on this node: put it back as is, without counting an attempt against it.
            return new DeliveryOutcome.Retry(
                    clock.instant().plus(retry.delayAfter(1, random)),
                    "no subscriber named " + record.subscriber() + " on this relay");
        }
        OutboxSubscriber.DeliveryResult result;
        try {
            result = subscriber.deliver(record);
        } catch (RuntimeException e) {
            result = OutboxSubscriber.DeliveryResult.retry(e.toString());
        }
        String detail = errorText(result.detail() == null ? "" : result.detail());
        Instant now = clock.instant();
        if (result.delivered()) {
            return new DeliveryOutcome.Delivered(now);
        }
        String error = "attempt " + failures + ": " + detail;
        if (result.permanent() || retry.exhausted(failures)) {
            LOG.warn(
                    "outbox event {} ({}) to {} is dead after {} attempts: {}",
                    record.message().eventId(),
                    record.message().eventType(),
                    record.subscriber(),
                    failures,
                    detail);
            return new DeliveryOutcome.Dead(error);
        }
        return new DeliveryOutcome.Retry(now.plus(retry.delayAfter(failures, random)), error);
    }

    /** Configures a relay; every setter checks its value at once. */
    public static final class Builder {
        private final Outbox outbox;
        private final Clock clock;
        private final Map<String, OutboxSubscriber> subscribers = new HashMap<>();
        private RetryPolicy retry = RetryPolicy.defaults();
        private int batchSize = 50;
        private RandomGenerator random = RandomGenerator.getDefault();
        private Duration deadLetterRetention = Duration.ofDays(30);
        private @Nullable Duration lease;

        private Builder(Outbox outbox, Clock clock) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * Adds a subscriber; its name must be one the outbox writes deliveries for.
         *
         * @param subscriber the subscriber
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code relay.subscriber} when the outbox writes
         *     nothing for that name (a second subscriber of one name replaces the first)
         */
        public Builder subscriber(OutboxSubscriber subscriber) {
            Objects.requireNonNull(subscriber, "subscriber");
            if (!outbox.subscribers().contains(subscriber.name())) {
                throw new ValidationException(
                        "relay.subscriber", subscriber.name(), "is not one of the outbox's " + outbox.subscribers());
            }
            subscribers.put(subscriber.name(), subscriber);
            return this;
        }

        /**
         * The retry policy ({@link RetryPolicy#defaults()} unless set).
         *
         * @param retry the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /**
         * Shorthand for a {@link RetryPolicy}.
         *
         * @param maxAttempts attempts before dead-lettering
         * @param baseDelay the delay after the first failure
         * @param maxDelay the cap of the delay
         * @return this builder
         */
        public Builder retry(int maxAttempts, Duration baseDelay, Duration maxDelay) {
            return retryPolicy(new RetryPolicy(maxAttempts, baseDelay, maxDelay));
        }

        /**
         * How many records one batch claims.
         *
         * @param batchSize from 1 to 1000
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 1000) {
                throw new ValidationException("relay.batchSize", batchSize, "must be between 1 and 1000");
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * The source of jitter (a seeded one in tests).
         *
         * @param random the source
         * @return this builder
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * How long a dead letter keeps its payload (and can be retried): from 1 hour to 366 days, 30 days
         * unless set. Past it, {@link OutboxRelay#pruneDeadLetters()} keeps only the payload's SHA-256.
         *
         * @param retention from one hour to 366 days
         * @return this builder
         */
        public Builder deadLetterRetention(Duration retention) {
            if (retention == null
                    || retention.compareTo(Duration.ofHours(1)) < 0
                    || retention.compareTo(Duration.ofDays(366)) > 0) {
                throw new ValidationException(
                        "relay.deadLetterRetention", retention, "must be between 1 hour (PT1H) and 366 days (P366D)");
            }
            this.deadLetterRetention = retention;
            return this;
        }

        /**
         * How long a claimed batch stays hidden from other relays: from 1 second to 1 hour, and at least
         * each subscriber's {@link OutboxSubscriber#timeout()} (checked by {@link #build()}). Unless set,
         * twice the longest subscriber timeout, and at least a minute. A relay that dies mid-batch delays
         * its records by this much.
         *
         * @param lease the lease
         * @return this builder
         */
        public Builder lease(Duration lease) {
            if (lease == null
                    || lease.compareTo(Duration.ofSeconds(1)) < 0
                    || lease.compareTo(Duration.ofHours(1)) > 0) {
                throw new ValidationException(
                        "relay.lease", lease, "must be between 1 second (PT1S) and 1 hour (PT1H)");
            }
            this.lease = lease;
            return this;
        }

        /**
         * The relay; refuses a lease shorter than a subscriber's timeout, naming both.
         *
         * @return the relay
         */
        public OutboxRelay build() {
            Duration longest = Duration.ZERO;
            for (OutboxSubscriber s : subscribers.values()) {
                if (lease != null && lease.compareTo(s.timeout()) < 0) {
                    throw new ValidationException(
                            "relay.lease",
                            lease,
                            "is shorter than the timeout " + s.timeout() + " of subscriber " + s.name()
                                    + ": a call could still succeed after another relay took the event over");
                }
                longest = longest.compareTo(s.timeout()) < 0 ? s.timeout() : longest;
            }
            Duration byDefault = longest.multipliedBy(2);
            return new OutboxRelay(
                    this,
                    lease != null ? lease : byDefault.compareTo(MIN_DEFAULT_LEASE) < 0 ? MIN_DEFAULT_LEASE : byDefault);
        }
    }
}
