package dev.beckon.api.model;

/**
 * One canonical event, unique across Beckon.
 *
 * <p>Kept as a string: platform ids can exceed 2<sup>53</sup> or be opaque (base64 global ids, prefixed
 * strings), so they are never parsed through {@code double}. Immutable and thread-safe.
 *
 * @param value the id as the platform or Beckon wrote it; never null or blank
 */
public record EventId(String value) {

    public EventId {
        value = Ids.require(value, "EventId");
    }

    /** A new random id (UUID version 4). */
    public static EventId random() {
        return new EventId(java.util.UUID.randomUUID().toString());
    }

    public static EventId of(String value) {
        return new EventId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
