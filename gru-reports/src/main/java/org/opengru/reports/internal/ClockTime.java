package org.opengru.reports.internal;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Bucket4j's time from the injected clock, not the system's: a test moves it, and every node reads one time. */
public final class ClockTime implements TimeMeter {

    private final Clock clock;

    /**
     * Time read from this clock.
     *
     * @param clock the one clock
     */
    public ClockTime(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
