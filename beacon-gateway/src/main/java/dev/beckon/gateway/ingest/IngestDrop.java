package dev.beckon.gateway.ingest;

/** Why an MQTT message, or one entry of a batch, did not become a {@link Sighting}. Each is counted. */
public enum IngestDrop {
    /** A topic none of the parsers understands (e.g. an ESPresense query report or telemetry). */
    UNKNOWN_TOPIC,
    /** The topic names a shop, store or scanner that is not registered, or a room or gateway not mapped to one. */
    UNKNOWN_SCANNER,
    /** A payload larger than {@link IngestLimits#maxPayloadBytes()}. */
    PAYLOAD_TOO_LARGE,
    /** Not JSON, not UTF-8, or not the JSON shape expected (e.g. an array where an object belongs). */
    MALFORMED_JSON,
    /** A Beckon batch with a version this gateway does not read. */
    UNSUPPORTED_VERSION,
    /** A Beckon batch with more entries than {@link IngestLimits#maxBatchSize()}. */
    BATCH_TOO_LARGE,
    /** A required field is absent or has the wrong type (e.g. no {@code rssi}, no identity at all). */
    MISSING_FIELD,
    /** An id that is not usable: blank, too long, or a beacon key that does not parse. */
    BAD_ID,
    /** Advertisement hex cut short (odd number of digits, or fewer bytes than its layout needs). */
    TRUNCATED_HEX,
    /** Advertisement text that is not hex, or is too long to be an advertisement. */
    BAD_HEX,
    /** Well-formed advertisement bytes that are not a beacon frame with an identity (Continuity, TLM, ...). */
    NOT_A_BEACON,
    /** An RSSI that no radio reports: NaN, 0 dBm or stronger, weaker than -127 dBm. */
    ABSURD_RSSI,
    /** A timestamp that is not an ISO-8601 instant or epoch milliseconds. */
    BAD_TIMESTAMP,
    /** A timestamp later than the gateway's clock plus the allowed skew. */
    FUTURE_TIMESTAMP,
    /** A timestamp older than {@link IngestLimits#maxAge()}: a scanner replaying an old buffer. */
    STALE_TIMESTAMP,
    /** The ingest queue was full when the message arrived (counted by the MQTT ingestor). */
    QUEUE_FULL
}
