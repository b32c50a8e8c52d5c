package dev.beckon.gateway.plausibility;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Flags a radio identity (a beacon key, a device id) heard in two stores of the same shop within
 * {@link PlausibilitySettings#twoStoresWithin()}: a cloned beacon, a replayed or forged report. A flagged
 * identity stays flagged for {@link PlausibilitySettings#quarantine()} after its last conflicting sighting, in
 * every store, so none of its sightings are acted on. Identities are per shop: two shops in one mall may well
 * run factory-default beacons with the same ids.
 *
 * <p>Memory: one entry per identity heard within the last interval or quarantined; {@link #forgetIdle()} drops the
 * rest, and at most {@value #MAX_REMEMBERED} are held (a flood of random ids beyond that is admitted unremembered,
 * since those ids cannot be in two stores anyway until they repeat). Not thread-safe: confined to the ingest worker. Time is the injected clock's.
 */
public final class TwoStoreCheck {

    private record Identity(ShopId shop, String id) {
    }

    private static final class Seen {
        StoreId store;
        Instant at;
        Instant flaggedUntil;
    }

    /** The most identities remembered at once, about 30 MB. */
    static final int MAX_REMEMBERED = 200_000;

    private final PlausibilitySettings settings;
    private final Clock clock;
    private final Map<Identity, Seen> seen = new HashMap<>();

    /** @param settings never null @param clock never null */
    public TwoStoreCheck(PlausibilitySettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records that {@code identity} was heard now in {@code store} of {@code shop}.
     *
     * @param identity a beacon key or device id as text; never null
     * @return true when the sighting may be acted on; false when the identity is (now) flagged
     */
    public boolean admit(ShopId shop, StoreId store, String identity) {
        Objects.requireNonNull(store, "store");
        Instant now = clock.instant();
        Identity key = new Identity(Objects.requireNonNull(shop, "shop"), Objects.requireNonNull(identity, "identity"));
        Seen last = seen.get(key);
        if (last == null) {
            if (seen.size() >= MAX_REMEMBERED) {
                return true;
            }
            last = new Seen();
            seen.put(key, last);
        } else if (!last.store.equals(store) && now.isBefore(last.at.plus(settings.twoStoresWithin()))) {
            last.flaggedUntil = now.plus(settings.quarantine());
        }
        last.store = store;
        last.at = now;
        return last.flaggedUntil == null || !now.isBefore(last.flaggedUntil);
    }

    /** Whether {@code identity} of {@code shop} is flagged now. */
    public boolean isFlagged(ShopId shop, String identity) {
        Seen last = seen.get(new Identity(shop, identity));
        return last != null && last.flaggedUntil != null && clock.instant().isBefore(last.flaggedUntil);
    }

    /** Forgets identities neither heard within the interval nor flagged any more. Call it about once a second. */
    public void forgetIdle() {
        Instant now = clock.instant();
        for (Iterator<Seen> it = seen.values().iterator(); it.hasNext(); ) {
            Seen entry = it.next();
            boolean heardRecently = now.isBefore(entry.at.plus(settings.twoStoresWithin()));
            boolean flagged = entry.flaggedUntil != null && now.isBefore(entry.flaggedUntil);
            if (!heardRecently && !flagged) {
                it.remove();
            }
        }
    }

    /** Identities remembered now; for tests and metrics. */
    public int remembered() {
        return seen.size();
    }
}
