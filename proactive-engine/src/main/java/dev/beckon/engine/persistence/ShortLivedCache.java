package dev.beckon.engine.persistence;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Keeps values read from the database for a short time, so that a burst of work for the same shop (a batch of
 * due timers, a flood of events) reads its settings once instead of once per item. Meant for small, rarely edited
 * rows: a shop's settings and journey definitions.
 *
 * <p>Consistency: an edit made through this instance {@linkplain #forget forgets} the key at once; an edit made by
 * another suite instance is seen here at most {@code timeToLive} later. Expiry runs on the monotonic clock (not the
 * engine's injected clock, which tests move). At most {@code maxEntries} keys are kept; past that the cache starts
 * over. Thread-safe.
 *
 * @param <K> key, with value semantics
 * @param <V> immutable value
 */
public final class ShortLivedCache<K, V> {

    /** Reads the value from the database on a miss. */
    @FunctionalInterface
    public interface Loader<K, V> {
        V load(K key) throws SQLException;
    }

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long timeToLiveNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    public ShortLivedCache(Duration timeToLive, int maxEntries) {
        this(timeToLive, maxEntries, System::nanoTime);
    }

    /** @param nanoTime a monotonic clock in nanoseconds (a test's own) */
    public ShortLivedCache(Duration timeToLive, int maxEntries, LongSupplier nanoTime) {
        if (timeToLive.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("time to live must be >= 0 and max entries >= 1");
        }
        this.timeToLiveNanos = timeToLive.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = Objects.requireNonNull(nanoTime);
    }

    /** The kept value, or the loader's (kept from now on) if there is none or it has expired. */
    public V get(K key, Loader<K, V> loader) throws SQLException {
        long now = nanoTime.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return entry.value();
        }
        V value = loader.load(key);
        if (timeToLiveNanos > 0) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now + timeToLiveNanos));
        }
        return value;
    }

    /** Drops the key, after an edit through this instance. */
    public void forget(K key) {
        entries.remove(key);
    }

    /** Drops every key matching, e.g. all of a shop's journeys. */
    public void forgetIf(java.util.function.Predicate<K> matching) {
        entries.keySet().removeIf(matching);
    }
}
