package dev.beckon.api.model;

/**
 * A platform product.
 *
 * <p>Kept as a string: platform ids can exceed 2<sup>53</sup> or be opaque (base64 global ids, prefixed
 * strings), so they are never parsed through {@code double}. Immutable and thread-safe.
 *
 * @param value the id as the platform or Beckon wrote it; never null or blank
 */
public record ProductId(String value) {

    public ProductId {
        value = Ids.require(value, "ProductId");
    }

    public static ProductId of(String value) {
        return new ProductId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
