package dev.beckon.gateway.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** The checks every shape shares: RSSI range and timestamp window. Thread-safe. */
final class Plausibility {

    /** The weakest RSSI a BLE controller reports (HCI RSSI is an int8, -127 meaning "not available" + 1). */
    static final double WEAKEST_DBM = -127;

    private final Clock clock;
    private final IngestLimits limits;

    Plausibility(Clock clock, IngestLimits limits) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** @return null when plausible, else the reason */
    IngestDrop rssi(double rssiDbm) {
        return Double.isFinite(rssiDbm) && rssiDbm < 0 && rssiDbm >= WEAKEST_DBM ? null : IngestDrop.ABSURD_RSSI;
    }

    /** @return null when inside [now - maxAge, now + skew], else the reason */
    IngestDrop timestamp(Instant at) {
        Instant now = clock.instant();
        if (at.isAfter(now.plus(limits.allowedClockSkew()))) {
            return IngestDrop.FUTURE_TIMESTAMP;
        }
        return at.isBefore(now.minus(limits.maxAge())) ? IngestDrop.STALE_TIMESTAMP : null;
    }

    Instant now() {
        return clock.instant();
    }

    IngestLimits limits() {
        return limits;
    }
}
