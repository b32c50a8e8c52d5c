package dev.beckon.api.model;

/**
 * One visit of one device to one physical store, from first sighting to {@code VisitEnded}.
 *
 * <p>Kept as a string: platform ids can exceed 2<sup>53</sup> or be opaque (base64 global ids, prefixed
 * strings), so they are never parsed through {@code double}. Immutable and thread-safe.
 *
 * @param value the id as the platform or Beckon wrote it; never null or blank
 */
public record VisitId(String value) {

    public VisitId {
        value = Ids.require(value, "VisitId");
    }

    public static VisitId of(String value) {
        return new VisitId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
