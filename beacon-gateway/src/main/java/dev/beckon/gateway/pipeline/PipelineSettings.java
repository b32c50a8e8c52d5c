package dev.beckon.gateway.pipeline;

import dev.beckon.gateway.eid.EidSettings;
import dev.beckon.gateway.filter.FilterSettings;
import dev.beckon.gateway.plausibility.PlausibilitySettings;
import dev.beckon.gateway.zones.ZoneSettings;

import java.util.Objects;

/**
 * The pipeline's tuning. Immutable.
 *
 * @param filter           the RSSI filter of every (device, marker) pair; never null
 * @param zones            the zone state machine; never null
 * @param maxPairsPerStore how many (device, marker) filters one store may hold at once; positive. Default 20 000,
 *                         about 2 000 phones each hearing 10 beacons, a few MB: a busy store with room to spare,
 *                         while a flood of random ids cannot exhaust memory
 * @param plausibility     the two-stores and speed checks; never null
 * @param eid              how Eddystone-EID ids are accepted around the clock; never null
 */
public record PipelineSettings(FilterSettings filter, ZoneSettings zones, int maxPairsPerStore,
                               PlausibilitySettings plausibility, EidSettings eid) {

    public PipelineSettings {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(zones, "zones");
        Objects.requireNonNull(plausibility, "plausibility");
        Objects.requireNonNull(eid, "eid");
        if (maxPairsPerStore < 1) {
            throw new IllegalArgumentException("maxPairsPerStore must be positive, got " + maxPairsPerStore);
        }
    }

    /** With the default plausibility and EID settings. */
    public PipelineSettings(FilterSettings filter, ZoneSettings zones, int maxPairsPerStore) {
        this(filter, zones, maxPairsPerStore, PlausibilitySettings.defaults(), EidSettings.defaults());
    }

    public static PipelineSettings defaults() {
        return new PipelineSettings(FilterSettings.defaults(), ZoneSettings.defaults(), 20_000);
    }
}
