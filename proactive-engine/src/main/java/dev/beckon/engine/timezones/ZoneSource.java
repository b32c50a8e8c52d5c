package dev.beckon.engine.timezones;

/** Where a shopper's time zone came from, strongest first. Shown to merchants next to quiet-hours decisions. */
public enum ZoneSource {
    /** The shopper's profile said so. */
    PROFILE,
    /** The phone number's area (libphonenumber's time-zone data). */
    PHONE,
    /** The country of the shopper's address, where it has one time zone. */
    ADDRESS,
    /** Nothing better was known: the store's own time zone. */
    STORE
}
