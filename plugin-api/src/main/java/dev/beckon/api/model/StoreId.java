package dev.beckon.api.model;

/**
 * A physical store (bricks-and-mortar location) of a shop.
 *
 * <p>Kept as a string: platform ids can exceed 2<sup>53</sup> or be opaque (base64 global ids, prefixed
 * strings), so they are never parsed through {@code double}. Immutable and thread-safe.
 *
 * @param value the id as the platform or Beckon wrote it; never null or blank
 */
public record StoreId(String value) {

    public StoreId {
        value = Ids.require(value, "StoreId");
    }

    public static StoreId of(String value) {
        return new StoreId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
