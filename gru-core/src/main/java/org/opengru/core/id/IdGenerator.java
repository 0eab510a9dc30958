package org.opengru.core.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Makes time-ordered UUIDv7 ids (RFC 9562) from the injected clock and a {@link SecureRandom}. Within one
 * generator, ids are strictly increasing even when the clock stands still or steps back: the 12-bit
 * {@code rand_a} field is used as a counter (RFC 9562, method 1). Across nodes, ids are unique by their 62
 * random bits; ordering across nodes is only as good as their clocks. Thread-safe; one per installation.
 */
public final class IdGenerator {

    private final Clock clock;
    private final SecureRandom random;
    private long lastMillis = Long.MIN_VALUE;
    private int counter;

    public IdGenerator(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A generator on the clock with a fresh {@link SecureRandom}. */
    public static IdGenerator create(Clock clock) {
        return new IdGenerator(clock, new SecureRandom());
    }

    /** A new UUIDv7. */
    public UUID nextUuid() {
        long millis;
        int seq;
        long randomBits = random.nextLong();
        synchronized (this) {
            millis = clock.millis();
            if (millis <= lastMillis) {
                millis = lastMillis;
                counter++;
                if (counter > 0xFFF) {
                    // Counter exhausted within one millisecond: borrow the next millisecond.
                    millis++;
                    counter = random.nextInt(0x800);
                }
            } else {
                // Start low in the range so that many ids fit in the same millisecond.
                counter = random.nextInt(0x800);
            }
            lastMillis = millis;
            seq = counter;
        }
        long msb = (millis << 16) | 0x7000L | (seq & 0xFFFL);
        long lsb = (randomBits & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    public RequestId newRequestId() {
        return new RequestId(nextUuid());
    }

    public UsagerId newUsagerId() {
        return new UsagerId(nextUuid());
    }

    public EventId newEventId() {
        return new EventId(nextUuid());
    }

    public MessageId newMessageId() {
        return new MessageId(nextUuid());
    }
}
