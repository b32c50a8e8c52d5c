package dev.beckon.gateway.filter;

import dev.beckon.gateway.Drops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Filters the RSSI readings of one (device, beacon) pair into a distance estimate: a sliding window of recent
 * readings, the median after Tukey-fence outlier rejection (ESPresense's filter since 2025), and a velocity gate
 * (Bermuda's) that drops readings implying a walk faster than {@link FilterSettings#maxMetresPerSecond()}.
 *
 * <p>Readings that cannot be right are rejected with a reason and counted: implausible RSSI, timestamps in the
 * future (beyond the allowed skew of the injected clock), readings already older than the window, readings older
 * than one already taken. An outlier inside the window is not rejected: it stays, left out of the median, because
 * a run of such readings is a real move and must win once it is the majority.
 *
 * <p>Not thread-safe: one instance per (device, beacon), confined to the worker that owns the store.
 * Pure apart from the clock and the drop counter; no I/O.
 */
public final class RssiWindowFilter {

    private final FilterSettings settings;
    private final PathLossModel model;
    private final Clock clock;
    private final Drops<FilterRejection> drops;
    private final Deque<RssiReading> window = new ArrayDeque<>();
    /** The window's RSSI values in ascending order, kept so as readings come and go (no sort per reading). */
    private double[] sorted = new double[4];
    /** The estimate of the window as it is now, or null when it has changed since the last one was made. */
    private RssiEstimate summary;

    /**
     * @param settings thresholds; never null
     * @param model    the beacon's path-loss model; never null
     * @param clock    the gateway's clock, the reference for "future" and for the window's age; never null
     * @param drops    where rejected readings are counted, usually shared by all filters; never null
     */
    public RssiWindowFilter(FilterSettings settings, PathLossModel model, Clock clock, Drops<FilterRejection> drops) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.model = Objects.requireNonNull(model, "model");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.drops = Objects.requireNonNull(drops, "drops");
    }

    /**
     * Takes a reading into the window, or rejects it.
     *
     * @param reading never null
     * @return {@code Accepted} with the new estimate, or {@code Rejected} with the reason (already counted)
     */
    public FilterOutcome offer(RssiReading reading) {
        Objects.requireNonNull(reading, "reading");
        Instant now = clock.instant();
        evictOlderThan(now.minus(settings.window()));
        FilterRejection rejection = rejectionOf(reading, now);
        if (rejection != null) {
            drops.record(rejection);
            return new FilterOutcome.Rejected(rejection);
        }
        window.addLast(reading);
        insertSorted(reading.rssiDbm());
        while (window.size() > settings.maxSamples()) {
            removeSorted(window.removeFirst().rssiDbm());
        }
        summary = null;
        return new FilterOutcome.Accepted(summarise());
    }

    /**
     * The estimate from the readings still inside the window at the clock's current time.
     *
     * @return empty when no reading is younger than the window
     */
    public Optional<RssiEstimate> estimate() {
        evictOlderThan(clock.instant().minus(settings.window()));
        return window.isEmpty() ? Optional.empty() : Optional.of(summarise());
    }

    /** The path-loss model this filter turns RSSI into distance with. */
    public PathLossModel model() {
        return model;
    }

    private FilterRejection rejectionOf(RssiReading reading, Instant now) {
        double rssi = reading.rssiDbm();
        if (Double.isNaN(rssi) || rssi >= 0 || rssi < settings.weakestPlausibleDbm()) {
            return FilterRejection.IMPLAUSIBLE_RSSI;
        }
        if (reading.at().isAfter(now.plus(settings.allowedClockSkew()))) {
            return FilterRejection.FROM_THE_FUTURE;
        }
        if (reading.at().isBefore(now.minus(settings.window()))) {
            return FilterRejection.TOO_OLD;
        }
        if (!window.isEmpty() && reading.at().isBefore(window.peekLast().at())) {
            return FilterRejection.OUT_OF_ORDER;
        }
        if (!window.isEmpty() && impliesRunning(reading)) {
            return FilterRejection.TOO_FAST;
        }
        return null;
    }

    /**
     * Whether the distance between the reading and the estimate is more than walking since the estimate's newest
     * reading explains, after allowing {@link FilterSettings#gateNoiseDb()} of radio noise: the reading's RSSI is
     * first pulled towards the estimate by up to that many dB.
     */
    private boolean impliesRunning(RssiReading reading) {
        RssiEstimate current = summarise();
        double gap = reading.rssiDbm() - current.rssiDbm();
        double beyondNoise = Math.signum(gap) * Math.max(0, Math.abs(gap) - settings.gateNoiseDb());
        double metres = Math.abs(model.distanceMetres(current.rssiDbm() + beyondNoise) - current.distanceMetres());
        Duration elapsed = Duration.between(current.latestReadingAt(), reading.at());
        Duration divisor = elapsed.compareTo(settings.minGateInterval()) < 0 ? settings.minGateInterval() : elapsed;
        return metres / (divisor.toNanos() / 1e9) > settings.maxMetresPerSecond();
    }

    /** The estimate of the (non-empty) window: made once per change of the window, without streams. */
    private RssiEstimate summarise() {
        if (summary != null) {
            return summary;
        }
        int count = window.size();
        TukeyMedian median = TukeyMedian.ofSorted(sorted, count, settings.iqrFactor());
        summary = new RssiEstimate(median.median(), model.distanceMetres(median.median()), count,
                median.outliers(), window.peekLast().at());
        return summary;
    }

    private void evictOlderThan(Instant cutoff) {
        while (!window.isEmpty() && window.peekFirst().at().isBefore(cutoff)) {
            removeSorted(window.removeFirst().rssiDbm());
            summary = null;
        }
    }

    /** Adds a value to {@link #sorted}, whose first {@code window.size() - 1} values are the other readings'. */
    private void insertSorted(double value) {
        int count = window.size() - 1;
        if (count == sorted.length) {
            sorted = Arrays.copyOf(sorted, Math.min(count * 2, settings.maxSamples() + 1));
        }
        int at = Arrays.binarySearch(sorted, 0, count, value);
        at = at < 0 ? -at - 1 : at;
        System.arraycopy(sorted, at, sorted, at + 1, count - at);
        sorted[at] = value;
    }

    /** Removes one occurrence of a value from {@link #sorted}, whose first {@code window.size() + 1} are in use. */
    private void removeSorted(double value) {
        int count = window.size() + 1;
        int at = Arrays.binarySearch(sorted, 0, count, value);
        System.arraycopy(sorted, at + 1, sorted, at, count - at - 1);
    }
}
