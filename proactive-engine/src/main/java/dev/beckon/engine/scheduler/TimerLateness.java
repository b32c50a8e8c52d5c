package dev.beckon.engine.scheduler;

import java.time.Duration;
import java.util.Arrays;

/**
 * How late timers fire (fire time minus due time), for a metric: the last, the largest, and the median and 99th
 * percentile of the most recent {@value #WINDOW} firings. Large values mean the engine was down or behind.
 * Thread-safe.
 */
public final class TimerLateness {

    static final int WINDOW = 1024;

    /**
     * A snapshot.
     *
     * @param count timers fired since start
     * @param last  the last one's lateness; zero before any
     * @param max   the largest since start; zero before any
     * @param p50   the median of the recent window; zero before any
     * @param p99   the 99th percentile of the recent window; zero before any
     */
    public record Snapshot(long count, Duration last, Duration max, Duration p50, Duration p99) {
    }

    private final long[] recent = new long[WINDOW];
    private long count;
    private long lastMillis;
    private long maxMillis;

    public synchronized void record(Duration lateness) {
        long millis = Math.max(0, lateness.toMillis());
        recent[(int) (count % WINDOW)] = millis;
        count++;
        lastMillis = millis;
        maxMillis = Math.max(maxMillis, millis);
    }

    public synchronized Snapshot snapshot() {
        int size = (int) Math.min(count, WINDOW);
        if (size == 0) {
            return new Snapshot(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
        long[] sorted = Arrays.copyOf(recent, size);
        Arrays.sort(sorted);
        return new Snapshot(count, Duration.ofMillis(lastMillis), Duration.ofMillis(maxMillis),
                Duration.ofMillis(percentile(sorted, 50)), Duration.ofMillis(percentile(sorted, 99)));
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
