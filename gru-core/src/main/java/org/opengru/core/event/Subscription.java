package org.opengru.core.event;

/** A registered listener; {@link #cancel()} removes it. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    /** Removes the listener: it receives no event published afterwards. Cancelling twice does nothing. */
    void cancel();

    @Override
    default void close() {
        cancel();
    }
}
