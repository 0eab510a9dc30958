package org.opengru.spring.core;

import java.util.List;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxSubscriber;

/** A subscriber that reports each attempt to the observers; a thrown exception counts as a retry. */
final class ObservedSubscriber implements OutboxSubscriber {

    private final OutboxSubscriber delegate;
    private final List<OutboxDeliveryObserver> observers;

    ObservedSubscriber(OutboxSubscriber delegate, List<OutboxDeliveryObserver> observers) {
        this.delegate = delegate;
        this.observers = List.copyOf(observers);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public java.time.Duration timeout() {
        return delegate.timeout();
    }

    @Override
    public DeliveryResult deliver(OutboxRecord record) {
        DeliveryResult result;
        try {
            result = delegate.deliver(record);
        } catch (RuntimeException e) {
            result = DeliveryResult.retry(e.toString());
        }
        for (OutboxDeliveryObserver observer : observers) {
            observer.attempted(record, result);
        }
        return result;
    }
}
