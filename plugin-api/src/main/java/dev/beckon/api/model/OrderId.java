package dev.beckon.api.model;

/**
 * A platform order.
 *
 * <p>Kept as a string: platform ids can exceed 2<sup>53</sup> or be opaque (base64 global ids, prefixed
 * strings), so they are never parsed through {@code double}. Immutable and thread-safe.
 *
 * @param value the id as the platform or Beckon wrote it; never null or blank
 */
public record OrderId(String value) {

    public OrderId {
        value = Ids.require(value, "OrderId");
    }

    public static OrderId of(String value) {
        return new OrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
