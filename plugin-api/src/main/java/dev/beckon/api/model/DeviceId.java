package dev.beckon.api.model;

/**
 * A shopper's device as seen by the beacon gateway (an app install id or a rotating scanner-side id).
 *
 * <p>Kept as a string: platform ids can exceed 2<sup>53</sup> or be opaque (base64 global ids, prefixed
 * strings), so they are never parsed through {@code double}. Immutable and thread-safe.
 *
 * @param value the id as the platform or Beckon wrote it; never null or blank
 */
public record DeviceId(String value) {

    public DeviceId {
        value = Ids.require(value, "DeviceId");
    }

    public static DeviceId of(String value) {
        return new DeviceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
