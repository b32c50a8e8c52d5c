package dev.beckon.engine.timezones;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The zones a shopper may be in and where they came from. Usually one zone; a few when the source cannot tell
 * them apart (a Spanish mobile number: mainland or Canary Islands), and then quiet hours hold in all of them.
 *
 * @param zones  never empty
 * @param source never null
 */
public record ResolvedZone(List<ZoneId> zones, ZoneSource source) {

    public ResolvedZone {
        zones = List.copyOf(zones);
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("a resolved zone needs at least one zone");
        }
        Objects.requireNonNull(source, "source");
    }

    public static ResolvedZone of(ZoneId zone, ZoneSource source) {
        return new ResolvedZone(List.of(zone), source);
    }

    /** {@code America/Los_Angeles (from the phone number)}. */
    public String describe() {
        return zones.stream().map(ZoneId::getId).collect(Collectors.joining(", ")) + " (from the " + switch (source) {
            case PROFILE -> "profile";
            case PHONE -> "phone number";
            case ADDRESS -> "address";
            case STORE -> "store's time zone";
        } + ")";
    }
}
