package dev.beckon.bench.beacon;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The flood's ESPresense reports, one at a time, {@code espresense/devices/<device>/<room>}
 * {@code {"t":<nanoTime>,"id":"phone-…","rssi@1m":-59,"rssi":-64.31}}: every device of every store is heard by every
 * node of its store (about -62 dBm in its own zone, 9 dB weaker per zone away, ±3 dB noise), walks to a
 * neighbouring zone every 10-30 s, and one walk in five replaces the shopper by a new device id (devices come and
 * go). Stores, then devices, then the nodes of the store, round-robin. Deterministic for a seed and a sequence of
 * {@code now} values. Not thread-safe.
 */
final class SightingStream {

    private final int stores;
    private final int zones;
    private final int devices;
    private final Random random = new Random(42);
    private final int[][] at;          // the zone each device is in
    private final int[][] generation;  // a device slot's current shopper
    private final long[][] movesAt;
    private int store;
    private int device;
    private int zone;
    private String topic;
    private byte[] payload;

    SightingStream(int stores, int zones, int devices) {
        this.stores = stores;
        this.zones = zones;
        this.devices = devices;
        this.at = new int[stores][devices];
        this.generation = new int[stores][devices];
        this.movesAt = new long[stores][devices];
    }

    /** Makes the next report, stamped {@code now} (a {@link System#nanoTime()} value), and moves on. */
    void next(long now) {
        if (zone == 0 && now >= movesAt[store][device]) {
            // walk to a neighbouring zone (8 m) every 10-30 s; one shopper in five leaves and a new one comes
            at[store][device] = Math.max(0, Math.min(zones - 1, at[store][device] + (random.nextBoolean() ? 1 : -1)));
            if (random.nextInt(5) == 0) {
                generation[store][device]++;
            }
            movesAt[store][device] = now + (10 + random.nextInt(20)) * 1_000_000_000L;
        }
        int here = at[store][device];
        double rssi = (zone == here ? -62 : -62 - 9 * Math.abs(zone - here)) + random.nextGaussian() * 3;
        String id = "phone-" + store + "-" + device + "-" + generation[store][device];
        payload = ("{\"t\":" + now + ",\"id\":\"" + id + "\",\"rssi@1m\":-59,\"rssi\":"
                + Math.round(rssi * 100) / 100.0 + "}").getBytes(StandardCharsets.UTF_8);
        topic = "espresense/devices/" + id + "/" + room(store, zone);
        if (++zone == zones) {
            zone = 0;
            if (++device == devices) {
                device = 0;
                store = (store + 1) % stores;
            }
        }
    }

    /** The topic of the report {@link #next} made. */
    String topic() {
        return topic;
    }

    /** The payload of the report {@link #next} made. */
    byte[] payload() {
        return payload;
    }

    /** The ESPresense room of a store's zone node. */
    static String room(int store, int zone) {
        return "s" + store + "-z" + zone;
    }
}
