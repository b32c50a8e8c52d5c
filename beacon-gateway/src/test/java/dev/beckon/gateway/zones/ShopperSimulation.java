package dev.beckon.gateway.zones;

import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.event.ProximityEvent;
import dev.beckon.gateway.Drops;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.filter.FilterOutcome;
import dev.beckon.gateway.filter.FilterRejection;
import dev.beckon.gateway.filter.FilterSettings;
import dev.beckon.gateway.filter.PathLossModel;
import dev.beckon.gateway.filter.RssiReading;
import dev.beckon.gateway.filter.RssiWindowFilter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A shopper's phone ranging the store's beacons once a second while it moves along a path, with indoor radio
 * behaviour: log-distance mean, Gaussian noise, deep fades from body shadowing, lost packets, integer RSSI and
 * a receiver floor. Readings go through the real {@link RssiWindowFilter}s into a {@link ZoneTracker}.
 */
final class ShopperSimulation {

    /** A beacon mounted at (x, y) metres on the floor plan. */
    record Mounted(BeaconKey key, double x, double y) {
    }

    static final double NOISE_SIGMA_DB = 4.0;
    static final double FADE_PROBABILITY = 0.05;
    static final double LOSS_PROBABILITY = 0.15;
    static final double RECEIVER_FLOOR_DBM = -100;

    private final Random random;
    private final MutableClock clock;
    private final List<Mounted> beacons;
    private final ZoneTracker tracker;
    private final Map<BeaconKey, RssiWindowFilter> filters = new LinkedHashMap<>();
    private final List<ProximityEvent> events = new ArrayList<>();
    private final Drops<FilterRejection> drops = new Drops<>(FilterRejection.class);
    private double x;
    private double y;

    ShopperSimulation(long seed, MutableClock clock, List<Mounted> beacons, ZoneTracker tracker, double startX,
                      double startY) {
        this(seed, clock, beacons, tracker, startX, startY, FilterSettings.defaults());
    }

    ShopperSimulation(long seed, MutableClock clock, List<Mounted> beacons, ZoneTracker tracker, double startX,
                      double startY, FilterSettings filterSettings) {
        this.random = new Random(seed);
        this.clock = clock;
        this.beacons = beacons;
        this.tracker = tracker;
        this.x = startX;
        this.y = startY;
        beacons.forEach(beacon -> filters.put(beacon.key(),
                new RssiWindowFilter(filterSettings, PathLossModel.DEFAULT, clock, drops)));
    }

    /** Walks in a straight line at {@code metresPerSecond}, one ranging cycle per second. */
    ShopperSimulation walkTo(double toX, double toY, double metresPerSecond) {
        double length = Math.hypot(toX - x, toY - y);
        int seconds = (int) Math.ceil(length / metresPerSecond);
        double fromX = x;
        double fromY = y;
        for (int second = 1; second <= seconds; second++) {
            x = fromX + (toX - fromX) * second / seconds;
            y = fromY + (toY - fromY) * second / seconds;
            rangeAndTick();
        }
        return this;
    }

    /** Stands still, ranging once a second. */
    ShopperSimulation stay(Duration duration) {
        for (long second = 0; second < duration.toSeconds(); second++) {
            rangeAndTick();
        }
        return this;
    }

    /** The phone hears nothing (left the store, app killed); the gateway keeps ticking. */
    ShopperSimulation silence(Duration duration) {
        for (long second = 0; second < duration.toSeconds(); second++) {
            events.addAll(tracker.onTick());
            clock.advance(Duration.ofSeconds(1));
        }
        return this;
    }

    List<ProximityEvent> events() {
        return events;
    }

    Drops<FilterRejection> drops() {
        return drops;
    }

    private void rangeAndTick() {
        for (Mounted beacon : beacons) {
            double rssi = rssiAt(Math.hypot(beacon.x() - x, beacon.y() - y));
            if (random.nextDouble() < LOSS_PROBABILITY || rssi < RECEIVER_FLOOR_DBM) {
                continue;
            }
            FilterOutcome outcome = filters.get(beacon.key()).offer(new RssiReading(clock.instant(), rssi));
            if (outcome instanceof FilterOutcome.Accepted accepted) {
                events.addAll(tracker.onEstimate(beacon.key(), accepted.estimate()));
            }
        }
        events.addAll(tracker.onTick());
        clock.advance(Duration.ofSeconds(1));
    }

    private double rssiAt(double metres) {
        double rssi = PathLossModel.DEFAULT.rssiAt(Math.max(metres, 0.3)) + random.nextGaussian() * NOISE_SIGMA_DB;
        if (random.nextDouble() < FADE_PROBABILITY) {
            rssi -= 10 + random.nextDouble() * 10;
        }
        return Math.round(rssi);
    }
}
