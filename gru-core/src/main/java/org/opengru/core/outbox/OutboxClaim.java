package org.opengru.core.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A batch of deliveries claimed by one relay until {@code until}: the claim is committed at once, and no
 * other relay takes these records before the lease ends. The relay then delivers them with no transaction
 * and no connection open, and stores each outcome with {@link Outbox#complete}. Past the lease (the relay
 * died or hung), any relay may claim them again; the late holder's outcomes are then dropped.
 *
 * @param lease the claim's token: an outcome is stored only while the record is still held under it
 * @param until the visibility deadline: the records are hidden from other relays until then
 * @param records the claimed records, in claim order (at most one per aggregate and subscriber)
 */
public record OutboxClaim(UUID lease, Instant until, List<OutboxRecord> records) {

    /**
     * Checks the lease and deadline, and copies the records.
     *
     * @param lease the claim's token: an outcome is stored only while the record is still held under it
     * @param until the visibility deadline: the records are hidden from other relays until then
     * @param records the claimed records, in claim order (at most one per aggregate and subscriber)
     * @throws NullPointerException naming the missing part
     */
    public OutboxClaim {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(until, "until");
        records = List.copyOf(records);
    }
}
