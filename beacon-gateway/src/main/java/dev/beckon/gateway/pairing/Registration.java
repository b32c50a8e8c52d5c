package dev.beckon.gateway.pairing;

/** What a registration call did. Expected outcomes, not exceptions. */
public enum Registration {
    /** Stored. */
    CREATED,
    /** Something with the same id (or the same external name for its source) is already registered; unchanged. */
    DUPLICATE,
    /** The store or zone it refers to is not registered; nothing stored. */
    UNKNOWN_STORE_OR_ZONE
}
