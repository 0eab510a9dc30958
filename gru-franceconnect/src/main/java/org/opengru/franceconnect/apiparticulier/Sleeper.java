package org.opengru.franceconnect.apiparticulier;

import java.time.Duration;

/** Waits for back-off and rate-limit windows; tests substitute one that records instead of waiting. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper threadSleep() {
        return d -> Thread.sleep(d.toMillis());
    }
}
