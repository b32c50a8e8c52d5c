package dev.beckon.gateway;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts inputs that were dropped, by reason: undecodable advertisements, implausible or late RSSI readings.
 * Bad input is never an exception in the gateway; it is a dropped input counted here, so an operator can see
 * why sightings did not turn into zone events.
 *
 * <p>Thread-safe and lock-free: one {@link LongAdder} per reason, created up front, so counting from several
 * MQTT callback or worker threads at once never contends on a map.
 *
 * @param <R> the enum of reasons, e.g. {@code DecodeFailure} or {@code FilterRejection}
 */
public final class Drops<R extends Enum<R>> {

    private final Class<R> reasons;
    private final Map<R, LongAdder> counts;

    /** @param reasons the enum class of the reasons counted; never null */
    public Drops(Class<R> reasons) {
        this.reasons = Objects.requireNonNull(reasons, "reasons");
        EnumMap<R, LongAdder> byReason = new EnumMap<>(reasons);
        for (R reason : reasons.getEnumConstants()) {
            byReason.put(reason, new LongAdder());
        }
        this.counts = Collections.unmodifiableMap(byReason);
    }

    /** Counts one dropped input. @param reason never null */
    public void record(R reason) {
        counts.get(Objects.requireNonNull(reason, "reason")).increment();
    }

    /** How many inputs were dropped for {@code reason} so far. */
    public long countOf(R reason) {
        return counts.get(Objects.requireNonNull(reason, "reason")).sum();
    }

    /** How many inputs were dropped for any reason so far. */
    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /**
     * The counts per reason at about this moment, every reason present (zero when never seen). Not an atomic
     * snapshot across reasons while other threads are counting.
     */
    public Map<R, Long> snapshot() {
        EnumMap<R, Long> copy = new EnumMap<>(reasons);
        counts.forEach((reason, count) -> copy.put(reason, count.sum()));
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
        return "Drops" + snapshot();
    }
}
