package org.opengru.franceconnect.apiparticulier.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The rate limiter of one node (threads share it); for several nodes use {@link PostgresRateLimiter}. */
public final class InMemoryRateLimiter implements ApiParticulierRateLimiter {
    private final Clock clock;
    private final Duration spacing;
    private final ConcurrentHashMap<String, Instant> nextSlot = new ConcurrentHashMap<>();

    /**
     * A limiter for the threads of this node.
     *
     * @param clock the clock the slots are computed on
     * @param requestsPerSecond 1 to {@link #DOCUMENTED_REQUESTS_PER_SECOND}
     * @throws org.opengru.franceconnect.InvalidConfigurationException outside that range
     */
    public InMemoryRateLimiter(Clock clock, int requestsPerSecond) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.spacing = ApiParticulierRateLimiter.spacingFor(requestsPerSecond);
    }

    @Override
    public Reservation reserve(String tokenKey, Duration maxWait) {
        Instant now = clock.instant();
        Reservation[] answer = new Reservation[1];
        nextSlot.compute(tokenKey, (k, next) -> {
            Instant candidate = next == null || next.isBefore(now) ? now : next;
            Duration wait = Duration.between(now, candidate);
            boolean granted = wait.compareTo(maxWait) <= 0;
            answer[0] = new Reservation(granted, candidate, wait);
            return granted ? candidate.plus(spacing) : next;
        });
        return answer[0];
    }

    @Override
    public void holdFor(String tokenKey, Duration wait) {
        Instant until = clock.instant().plus(wait);
        nextSlot.merge(tokenKey, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public Duration spacing() {
        return spacing;
    }
}
