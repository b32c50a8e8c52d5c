package dev.beckon.gateway.decode;

/** Why an advertisement payload did not decode to a {@link BeaconFrame}. Each is counted by the gateway. */
public enum DecodeFailure {
    /** Null or empty payload. */
    NO_DATA,
    /** More hex than any BLE advertisement carries (over 255 bytes); not parsed at all. */
    TOO_LONG,
    /** An odd number of hex digits: a truncated or garbled string. */
    ODD_LENGTH,
    /** A character that is not a hex digit. */
    NOT_HEX,
    /** A known beacon layout, cut short. */
    TRUNCATED,
    /** A known beacon layout with bytes past its end (e.g. a sensor embedding an iBeacon in a longer frame). */
    OVERLONG,
    /** Manufacturer data that is neither Apple's iBeacon nor an AltBeacon. */
    UNKNOWN_COMPANY,
    /** Apple manufacturer data that is not an iBeacon (Continuity, Find My, a wrong length byte). */
    NOT_A_BEACON,
    /** Service data for a UUID other than Eddystone's 0xFEAA. */
    NOT_EDDYSTONE,
    /** An Eddystone frame type other than UID, URL, TLM and EID. */
    UNKNOWN_FRAME_TYPE,
    /** An Eddystone-TLM version other than plain (0x00), e.g. encrypted eTLM. */
    UNSUPPORTED_VERSION,
    /** An Eddystone-URL with a reserved scheme or a byte that is neither printable nor an expansion code. */
    BAD_URL
}
