package dev.beckon.api.model;

/**
 * A shop (one merchant's store installation) in Beckon. Every row and every call belongs to one.
 *
 * <p>Kept as a string: platform ids can exceed 2<sup>53</sup> or be opaque (base64 global ids, prefixed
 * strings), so they are never parsed through {@code double}. Immutable and thread-safe.
 *
 * @param value the id as the platform or Beckon wrote it; never null or blank
 */
public record ShopId(String value) {

    public ShopId {
        value = Ids.require(value, "ShopId");
    }

    /** A new random id (UUID version 4). */
    public static ShopId random() {
        return new ShopId(java.util.UUID.randomUUID().toString());
    }

    public static ShopId of(String value) {
        return new ShopId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
