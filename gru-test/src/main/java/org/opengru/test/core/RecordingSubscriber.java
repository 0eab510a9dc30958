package org.opengru.test.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxSubscriber;

/**
 * A subscriber for relay tests that share a database: it answers the records of its own test as told and
 * records those it acknowledged; every other record (another test's) is acknowledged and left out.
 */
public final class RecordingSubscriber implements OutboxSubscriber {

    private final String name;
    private final Predicate<OutboxRecord> ours;
    private final Function<OutboxRecord, DeliveryResult> answer;
    private final List<OutboxRecord> received = new CopyOnWriteArrayList<>();

    /**
     * @param name the subscriber's name
     * @param ours which records belong to the test
     * @param answer the answer to each of them
     */
    public RecordingSubscriber(
            String name, Predicate<OutboxRecord> ours, Function<OutboxRecord, DeliveryResult> answer) {
        this.name = name;
        this.ours = ours;
        this.answer = answer;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryResult deliver(OutboxRecord record) {
        if (!ours.test(record)) {
            return DeliveryResult.ok("another test's");
        }
        DeliveryResult result = answer.apply(record);
        if (result.delivered()) {
            received.add(record);
        }
        return result;
    }

    /**
     * The records of the test acknowledged so far, in the order they arrived.
     *
     * @return the records
     */
    public List<OutboxRecord> received() {
        return List.copyOf(received);
    }

    /**
     * The event ids of {@link #received()}.
     *
     * @return the ids
     */
    public List<String> eventIds() {
        return received.stream().map(r -> r.message().eventId().toString()).toList();
    }
}
