package dev.beckon.gateway.ingest;

/**
 * Turns one MQTT message of one shape into sightings. Implementations are pure apart from the injected clock
 * and the scanner directory, thread-safe, and never throw on any topic or payload: everything unusable is a
 * {@link ParseResult.Dropped} or a skipped entry with its reason.
 */
public interface SightingParser {

    /** The MQTT topic filter this parser's messages arrive on, e.g. {@code espresense/devices/+/+}. */
    String topicFilter();

    /** Whether {@code topic} (never null) is one of this parser's, by its fixed levels. */
    boolean handles(String topic);

    /**
     * @param topic   the topic the message arrived on; never null
     * @param payload the raw bytes; may be null or anything
     * @return never null
     */
    ParseResult parse(String topic, byte[] payload);
}
