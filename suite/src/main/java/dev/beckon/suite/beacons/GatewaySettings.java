package dev.beckon.suite.beacons;

import dev.beckon.gateway.filter.FilterSettings;
import dev.beckon.gateway.mqtt.MqttSettings;
import dev.beckon.gateway.pipeline.PipelineSettings;
import dev.beckon.gateway.zones.ZoneSettings;
import dev.beckon.suite.config.SuiteSettings;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The beacon gateway as the suite runs it: whether it runs, how it connects to MQTT (the embedded broker unless
 * {@code beckon.gateway.mqtt.url} is set) and the pipeline's timing. Immutable. Every key is in the README.
 *
 * <p>The MQTT username and password are the suite's own service account: the ingestor and the app-offer channel
 * connect with them, and the embedded broker accepts them as the suite (which may publish and subscribe anywhere).
 * With the embedded broker on, the username defaults to {@value #SUITE_USERNAME} and, when no password is
 * configured, a random one is generated at every start (the embedded broker lives in the same process, so nobody
 * else needs it; set {@code beckon.gateway.mqtt.password} to use {@code mosquitto_sub} against it).
 *
 * @param enabled            whether the gateway subscribes to sightings at all
 * @param mqtt               never null
 * @param pipeline           never null
 * @param sinkQueueCapacity  zone events waiting for the engine's inbox; more are dropped and counted
 * @param visitQueueCapacity zone events waiting to be recorded as visits; more are dropped and counted
 * @param visitRetention     how long a visit is kept after its last event unless its owner consented
 * @param purgeInterval      how often expired visits are purged
 * @param offerSendTimeout   how long the app-offer channel waits for the connection and the PUBACK
 */
public record GatewaySettings(boolean enabled, MqttSettings mqtt, PipelineSettings pipeline, int sinkQueueCapacity,
                              int visitQueueCapacity, Duration visitRetention, Duration purgeInterval,
                              Duration offerSendTimeout) {

    /** The suite's MQTT username on the embedded broker unless {@code beckon.gateway.mqtt.username} is set. */
    public static final String SUITE_USERNAME = "beckon-suite";

    public static final String ENABLED = "beckon.gateway.enabled";
    public static final String SINK_QUEUE_CAPACITY = "beckon.gateway.sink-queue-capacity";
    public static final String HOLD = "beckon.gateway.zones.hold";
    public static final String SWITCH_HOLD = "beckon.gateway.zones.switch-hold";
    public static final String FRESHNESS = "beckon.gateway.zones.freshness";
    public static final String EXIT_AFTER = "beckon.gateway.zones.exit-after";
    public static final String VISIT_TIMEOUT = "beckon.gateway.zones.visit-timeout";
    public static final String DWELL_MARKS = "beckon.gateway.zones.dwell-marks";
    public static final String FILTER_WINDOW = "beckon.gateway.filter.window";
    public static final String VISIT_QUEUE_CAPACITY = "beckon.gateway.visits.queue-capacity";
    public static final String VISIT_RETENTION = "beckon.gateway.visits.retention";
    public static final String PURGE_INTERVAL = "beckon.gateway.visits.purge-interval";
    public static final String OFFER_SEND_TIMEOUT = "beckon.gateway.offers.send-timeout";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The gateway's MQTT keys, passed to {@link MqttSettings#from(Map)}. */
    static final List<String> MQTT_KEYS = List.of("url", "client-id", "username", "password", "qos",
            "queue-capacity", "connect-timeout-seconds", "keep-alive-seconds", "version", "shared-group",
            "tls.trust-store", "tls.trust-store-password", "tls.key-store", "tls.key-store-password").stream()
            .map(key -> MqttSettings.PREFIX + key).toList();

    /** Every key read here, for the producer. */
    static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(MQTT_KEYS);
        keys.addAll(List.of(ENABLED, SINK_QUEUE_CAPACITY, HOLD, SWITCH_HOLD, FRESHNESS, EXIT_AFTER, VISIT_TIMEOUT,
                DWELL_MARKS, FILTER_WINDOW, VISIT_QUEUE_CAPACITY, VISIT_RETENTION, PURGE_INTERVAL,
                OFFER_SEND_TIMEOUT));
        KEYS = List.copyOf(keys);
    }

    public GatewaySettings {
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(pipeline, "pipeline");
        if (sinkQueueCapacity < 1) {
            throw new IllegalArgumentException(SINK_QUEUE_CAPACITY + " must be positive, got " + sinkQueueCapacity);
        }
        if (visitQueueCapacity < 1) {
            throw new IllegalArgumentException(VISIT_QUEUE_CAPACITY + " must be positive, got " + visitQueueCapacity);
        }
        Objects.requireNonNull(visitRetention, "visitRetention");
        Objects.requireNonNull(purgeInterval, "purgeInterval");
        Objects.requireNonNull(offerSendTimeout, "offerSendTimeout");
        if (visitRetention.isZero() || purgeInterval.isZero() || offerSendTimeout.isZero()) {
            throw new IllegalArgumentException(VISIT_RETENTION + ", " + PURGE_INTERVAL + " and " + OFFER_SEND_TIMEOUT
                    + " must be positive");
        }
    }

    /** Whether the suite has an MQTT service account (always with the embedded broker). */
    public boolean hasSuiteAccount() {
        return mqtt.username() != null && mqtt.password() != null;
    }

    /**
     * @param lookup configured values by key, null when not set
     * @param suite  for the embedded broker's address, the default MQTT URL
     * @throws IllegalArgumentException naming the key whose value is invalid
     */
    public static GatewaySettings from(Function<String, String> lookup, SuiteSettings suite) {
        Map<String, String> mqtt = new HashMap<>();
        for (String key : MQTT_KEYS) {
            String value = lookup.apply(key);
            if (value != null && !value.isBlank()) {
                mqtt.put(key, value.strip());
            }
        }
        mqtt.putIfAbsent(MqttSettings.PREFIX + "url", "tcp://" + suite.brokerHost() + ":" + suite.brokerPort());
        if (suite.embeddedBroker()) {
            mqtt.putIfAbsent(MqttSettings.PREFIX + "username", SUITE_USERNAME);
            mqtt.putIfAbsent(MqttSettings.PREFIX + "password", generatedPassword());
        }
        ZoneSettings zoneDefaults = ZoneSettings.defaults();
        ZoneSettings zones;
        try {
            zones = new ZoneSettings(duration(lookup, HOLD, zoneDefaults.hold()),
                    duration(lookup, SWITCH_HOLD, zoneDefaults.switchHold()), zoneDefaults.switchMargin(),
                    duration(lookup, FRESHNESS, zoneDefaults.freshness()),
                    duration(lookup, EXIT_AFTER, zoneDefaults.exitAfter()),
                    duration(lookup, VISIT_TIMEOUT, zoneDefaults.visitTimeout()), dwellMarks(lookup,
                    zoneDefaults.dwellMarks()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("beckon.gateway.zones.*: " + e.getMessage(), e);
        }
        FilterSettings f = FilterSettings.defaults();
        FilterSettings filter = new FilterSettings(duration(lookup, FILTER_WINDOW, f.window()), f.maxSamples(),
                f.iqrFactor(), f.maxMetresPerSecond(), f.minGateInterval(), f.gateNoiseDb(), f.allowedClockSkew(),
                f.weakestPlausibleDbm());
        PipelineSettings pipelineDefaults = PipelineSettings.defaults();
        String enabled = lookup.apply(ENABLED);
        return new GatewaySettings(enabled == null || enabled.isBlank() || Boolean.parseBoolean(enabled.strip()),
                MqttSettings.from(mqtt), new PipelineSettings(filter, zones, pipelineDefaults.maxPairsPerStore()),
                integer(lookup, SINK_QUEUE_CAPACITY, 10_000), integer(lookup, VISIT_QUEUE_CAPACITY, 10_000),
                duration(lookup, VISIT_RETENTION, Duration.ofHours(24)),
                duration(lookup, PURGE_INTERVAL, Duration.ofMinutes(15)),
                duration(lookup, OFFER_SEND_TIMEOUT, Duration.ofSeconds(10)));
    }

    private static String generatedPassword() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static Duration duration(Function<String, String> lookup, String key, Duration fallback) {
        String value = lookup.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration parsed = Duration.parse(value.strip());
            if (parsed.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return parsed;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT5S, got '" + value
                    + "'", e);
        }
    }

    private static List<Duration> dwellMarks(Function<String, String> lookup, List<Duration> fallback) {
        String value = lookup.apply(DWELL_MARKS);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        List<Duration> marks = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                marks.add(Duration.parse(part.strip()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(DWELL_MARKS + " must be comma-separated ISO-8601 durations such as"
                        + " PT30S,PT1M, got '" + value + "'", e);
            }
        }
        return marks;
    }

    private static int integer(Function<String, String> lookup, String key, int fallback) {
        String value = lookup.apply(key);
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
