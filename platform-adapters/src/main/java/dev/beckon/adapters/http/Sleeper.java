package dev.beckon.adapters.http;

import java.time.Duration;

/**
 * How a caller waits. Production uses {@link #THREAD}; tests inject one that records the wait and moves their clock,
 * so no test ever sleeps.
 */
@FunctionalInterface
public interface Sleeper {

    /** {@link Thread#sleep(long)}; a zero or negative duration returns at once. */
    Sleeper THREAD = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
        }
    };

    /**
     * Blocks the calling thread for about {@code duration}.
     *
     * @param duration never null; zero or negative means do not wait
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
