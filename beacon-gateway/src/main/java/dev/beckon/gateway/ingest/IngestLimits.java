package dev.beckon.gateway.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * What the parsers accept. Immutable.
 *
 * @param maxPayloadBytes  larger messages are dropped unread; positive. Default 64 KiB: a batch of 256 entries
 *                         with raw advertisement hex is about 40 KiB
 * @param maxBatchSize     entries a Beckon batch may carry; positive. Default 256
 * @param allowedClockSkew how far ahead of the gateway's clock a timestamp may be; zero or positive. Default 2 s,
 *                         as {@code FilterSettings.allowedClockSkew}
 * @param maxAge           older timestamps are dropped; positive. Default 60 s: older than any filter window,
 *                         such a reading could only be a replayed buffer
 */
public record IngestLimits(int maxPayloadBytes, int maxBatchSize, Duration allowedClockSkew, Duration maxAge) {

    public IngestLimits {
        Objects.requireNonNull(allowedClockSkew, "allowedClockSkew");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxPayloadBytes < 1 || maxBatchSize < 1 || allowedClockSkew.isNegative() || maxAge.isNegative()
                || maxAge.isZero()) {
            throw new IllegalArgumentException("limits must be positive (skew may be zero)");
        }
    }

    public static IngestLimits defaults() {
        return new IngestLimits(64 * 1024, 256, Duration.ofSeconds(2), Duration.ofSeconds(60));
    }
}
