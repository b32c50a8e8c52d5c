package dev.beckon.engine;

import dev.beckon.engine.outbox.Backoff;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's settings, built once at the edge (MicroProfile Config in the suite, a map in tests).
 *
 * @param pollInterval                   how often workers look for due work; positive
 * @param batchSize                      events, timers or messages handled per pass; at least 1
 * @param defaultAbandonedCheckoutDelay  the abandoned-checkout wait for shops that did not set their own
 * @param sendLease                      how long a message may stay {@code sending} before it counts as interrupted
 * @param backoff                        provider retry policy
 * @param workers                        engine workers per instance: one handles stored events (in arrival order),
 *                                       all fire due timers and send; at least 1
 * @param sendConcurrency                provider calls in flight per instance; at least 1
 */
public record EngineSettings(Duration pollInterval, int batchSize, Duration defaultAbandonedCheckoutDelay,
                             Duration sendLease, Backoff backoff, int workers, int sendConcurrency) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_ABANDONED_CHECKOUT_DELAY = Duration.ofHours(1);

    public EngineSettings {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(defaultAbandonedCheckoutDelay, "defaultAbandonedCheckoutDelay");
        Objects.requireNonNull(sendLease, "sendLease");
        Objects.requireNonNull(backoff, "backoff");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("beckon.engine.poll-interval must be positive, got " + pollInterval);
        }
        if (defaultAbandonedCheckoutDelay.isNegative() || defaultAbandonedCheckoutDelay.isZero()) {
            throw new IllegalArgumentException("beckon.abandoned-checkout.delay must be positive, got "
                    + defaultAbandonedCheckoutDelay);
        }
        if (sendLease.isNegative() || sendLease.isZero()) {
            throw new IllegalArgumentException("beckon.outbox.send-lease must be positive, got " + sendLease);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("beckon.engine.batch-size must be at least 1, got " + batchSize);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("beckon.engine.workers must be at least 1, got " + workers);
        }
        if (sendConcurrency < 1) {
            throw new IllegalArgumentException("beckon.outbox.concurrency must be at least 1, got " + sendConcurrency);
        }
    }

    /**
     * Builds settings from configuration keys; absent keys take their defaults.
     *
     * @throws IllegalArgumentException naming the key whose value is invalid
     */
    public static EngineSettings from(Map<String, String> config) {
        return new EngineSettings(
                duration(config, "beckon.engine.poll-interval", DEFAULT_POLL_INTERVAL),
                integer(config, "beckon.engine.batch-size", 50),
                duration(config, "beckon.abandoned-checkout.delay", DEFAULT_ABANDONED_CHECKOUT_DELAY),
                duration(config, "beckon.outbox.send-lease", Duration.ofMinutes(10)),
                backoff(config),
                integer(config, "beckon.engine.workers", 2),
                integer(config, "beckon.outbox.concurrency", 16));
    }

    /** Checked here, key by key, so that a bad value is reported with the key that holds it. */
    private static Backoff backoff(Map<String, String> config) {
        Duration base = duration(config, "beckon.outbox.retry-base", Duration.ofSeconds(30));
        Duration max = duration(config, "beckon.outbox.retry-max", Duration.ofHours(1));
        int maxAttempts = integer(config, "beckon.outbox.max-attempts", 5);
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("beckon.outbox.retry-base must be positive, got " + base);
        }
        if (max.compareTo(base) < 0) {
            throw new IllegalArgumentException("beckon.outbox.retry-max must be at least beckon.outbox.retry-base ("
                    + base + "), got " + max);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("beckon.outbox.max-attempts must be at least 1, got " + maxAttempts);
        }
        return new Backoff(base, max, maxAttempts);
    }

    public static EngineSettings defaults() {
        return from(Map.of());
    }

    static Duration duration(Map<String, String> config, String key, Duration fallback) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.parse(value.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT1H or PT30M, got '"
                    + value + "'", e);
        }
    }

    static int integer(Map<String, String> config, String key, int fallback) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'", e);
        }
    }
}
