package dev.beckon.api.model;

/**
 * A zone inside a physical store (entrance, shoe wall, checkout). Not to be confused with a time zone.
 *
 * <p>Kept as a string: platform ids can exceed 2<sup>53</sup> or be opaque (base64 global ids, prefixed
 * strings), so they are never parsed through {@code double}. Immutable and thread-safe.
 *
 * @param value the id as the platform or Beckon wrote it; never null or blank
 */
public record StoreZoneId(String value) {

    public StoreZoneId {
        value = Ids.require(value, "StoreZoneId");
    }

    public static StoreZoneId of(String value) {
        return new StoreZoneId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
