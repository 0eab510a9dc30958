package org.opengru.franceconnect.apiparticulier;

import java.time.Duration;

/** Waits for back-off and rate-limit windows; tests substitute one that records instead of waiting. */
@FunctionalInterface
public interface Sleeper {
    /**
     * Waits for the duration.
     *
     * @param duration how long to wait
     * @throws InterruptedException when the thread is interrupted; the client then fails the call with a
     *     {@link TransportException} and keeps the interrupt flag
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The sleeper of production: {@link Thread#sleep(long)}.
     *
     * @return a sleeper that blocks the calling thread
     */
    static Sleeper threadSleep() {
        return d -> Thread.sleep(d.toMillis());
    }
}
