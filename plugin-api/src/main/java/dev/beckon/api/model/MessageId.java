package dev.beckon.api.model;

/**
 * One outbound message, unique across Beckon.
 *
 * <p>Kept as a string: platform ids can exceed 2<sup>53</sup> or be opaque (base64 global ids, prefixed
 * strings), so they are never parsed through {@code double}. Immutable and thread-safe.
 *
 * @param value the id as the platform or Beckon wrote it; never null or blank
 */
public record MessageId(String value) {

    public MessageId {
        value = Ids.require(value, "MessageId");
    }

    /** A new random id (UUID version 4). */
    public static MessageId random() {
        return new MessageId(java.util.UUID.randomUUID().toString());
    }

    public static MessageId of(String value) {
        return new MessageId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
