package org.opengru.core.event;

/** A registered listener; {@link #cancel()} removes it. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    void cancel();

    @Override
    default void close() {
        cancel();
    }
}
