package org.opengru.core.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.opengru.core.error.ValidationException;

/**
 * Exponential backoff with jitter and a dead-letter threshold. The delay before attempt {@code n + 1}
 * (after {@code n} failures) is drawn uniformly in {@code [d/2, d]} with {@code d = min(max, base *
 * 2^(n-1))}: the jitter keeps many failed deliveries from retrying in lock-step.
 *
 * @param maxAttempts attempts before the delivery goes {@link OutboxStatus#DEAD dead}, at least 1
 * @param baseDelay the delay after the first failure
 * @param maxDelay the cap of the delay
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /**
     * Checks that attempts and delays are positive and the cap at least the base.
     *
     * @param maxAttempts attempts before the delivery goes {@link OutboxStatus#DEAD dead}, at least 1
     * @param baseDelay the delay after the first failure
     * @param maxDelay the cap of the delay
     * @throws org.opengru.core.error.ValidationException naming {@code retry.<part>} and the value
     */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new ValidationException("retry.maxAttempts", maxAttempts, "must be at least 1");
        }
        if (baseDelay == null || baseDelay.isNegative() || baseDelay.isZero()) {
            throw new ValidationException("retry.baseDelay", baseDelay, "must be positive");
        }
        if (maxDelay == null || maxDelay.compareTo(baseDelay) < 0) {
            throw new ValidationException("retry.maxDelay", maxDelay, "must be at least baseDelay " + baseDelay);
        }
    }

    /**
     * 12 attempts, from 5 seconds up to one hour apart (about 6 hours in all).
     *
     * @return the policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(12, Duration.ofSeconds(5), Duration.ofHours(1));
    }

    /**
     * Whether a delivery that failed {@code failures} times in all must go dead.
     *
     * @param failures failures so far
     * @return {@code true} when no attempt is left
     */
    public boolean exhausted(int failures) {
        return failures >= maxAttempts;
    }

    /**
     * The delay after {@code failures} failures ({@code >= 1}), with jitter.
     *
     * @param failures failures so far
     * @param random the jitter's source
     * @return the delay
     */
    public Duration delayAfter(int failures, RandomGenerator random) {
        int shift = Math.min(Math.max(failures - 1, 0), 40);
        long base = baseDelay.toMillis();
        long cap = maxDelay.toMillis();
        long d = base > (cap >> shift) ? cap : Math.min(cap, base << shift);
        long half = d / 2;
        return Duration.ofMillis(half + (d - half == 0 ? 0 : random.nextLong(d - half + 1)));
    }
}
