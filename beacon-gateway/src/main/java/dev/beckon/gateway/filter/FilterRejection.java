package dev.beckon.gateway.filter;

/** Why {@link RssiWindowFilter} did not take a reading. Each is counted. */
public enum FilterRejection {
    /** NaN, 0 dBm or stronger (0 is the "no RSSI" sentinel of some scanners), or weaker than the radio can hear. */
    IMPLAUSIBLE_RSSI,
    /** Timestamped later than the gateway's clock plus the allowed skew. */
    FROM_THE_FUTURE,
    /** Older than the window: it could never count. */
    TOO_OLD,
    /** Older than a reading already taken for the same device and beacon. */
    OUT_OF_ORDER,
    /** Would mean the device moved faster than a person walks since the last estimate. */
    TOO_FAST
}
