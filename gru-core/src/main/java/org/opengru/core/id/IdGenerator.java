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

    /**
     * A generator on that clock and random source.
     *
     * @param clock the installation's clock, whose milliseconds lead each id
     * @param random the source of the 62 random bits
     */
    public IdGenerator(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * A generator on the clock with a fresh {@link SecureRandom}.
     *
     * @param clock the installation's clock
     * @return a new generator
     */
    public static IdGenerator create(Clock clock) {
        return new IdGenerator(clock, new SecureRandom());
    }

    /**
     * A new UUIDv7.
     *
     * @return an id greater than every id this generator made before
     */
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

    /**
     * A new request's id (numéro interne du dossier, never shown to the resident: see {@link ShortReference}).
     *
     * @return a time-ordered id
     */
    public RequestId newRequestId() {
        return new RequestId(nextUuid());
    }

    /**
     * A new usager's id.
     *
     * @return a time-ordered id
     */
    public UsagerId newUsagerId() {
        return new UsagerId(nextUuid());
    }

    /**
     * A new domain event's id, which consumers de-duplicate on.
     *
     * @return a time-ordered id
     */
    public EventId newEventId() {
        return new EventId(nextUuid());
    }

    /**
     * A new message's id in an exchange thread.
     *
     * @return a time-ordered id
     */
    public MessageId newMessageId() {
        return new MessageId(nextUuid());
    }
}
