package dev.beckon.gateway.pipeline;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.event.VisitEnded;
import dev.beckon.api.event.VisitStarted;
import dev.beckon.api.event.ZoneEntered;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.VisitId;
import dev.beckon.gateway.Drops;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.eid.EidResolution;
import dev.beckon.gateway.eid.EidResolver;
import dev.beckon.gateway.filter.FilterOutcome;
import dev.beckon.gateway.filter.FilterRejection;
import dev.beckon.gateway.filter.RssiReading;
import dev.beckon.gateway.filter.RssiWindowFilter;
import dev.beckon.gateway.ingest.Sighting;
import dev.beckon.gateway.ownership.StoreOwnership;
import dev.beckon.gateway.pairing.PairingSnapshot;
import dev.beckon.gateway.pairing.ProposalSettings;
import dev.beckon.gateway.pairing.StorePairing;
import dev.beckon.gateway.pairing.UnpairedBeacons;
import dev.beckon.gateway.plausibility.SpeedCheck;
import dev.beckon.gateway.plausibility.TwoStoreCheck;
import dev.beckon.gateway.zones.StorePresence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sightings to zone events: registry lookup, then the {@link RssiWindowFilter} of the (device, marker) pair,
 * then the store's {@link StorePresence}, whose events go to the {@link ProximitySink}.
 *
 * <p>The zone marker of a sighting depends on who heard it. A <em>fixed</em> scanner (one registered with a
 * zone) marks its zone, and what it heard is the shopper's device, unless that is one of the store's own paired
 * beacons ({@link PipelineDrop#NOT_A_SHOPPER}). A <em>roaming</em> scanner (the store app) heard a beacon, which
 * must be paired with the store ({@link PipelineDrop#UNPAIRED_BEACON} otherwise, the "unknown" count) and marks
 * the zone it is paired to. Calibration comes from the pairing, then the advertisement, then the default.
 *
 * <p>Before the filter, an Eddystone-EID rotation key is resolved to its registered beacon's stable key
 * ({@link EidResolver}; an id of an older window is {@link PipelineDrop#STALE_EID}), and a beacon or device heard
 * in two stores of the shop at once is dropped ({@link PipelineDrop#BEACON_IN_TWO_STORES}, {@link TwoStoreCheck}),
 * and so are the zone events of a device flagged so (its visit still starts and ends).
 * After the zone state machine, each visit's first event is preceded by a {@code VisitStarted}, and the zone
 * events of a visit moving faster than a walker are held back ({@link PipelineDrop#IMPLAUSIBLE_SPEED},
 * {@link SpeedCheck}).
 *
 * <p>A beacon heard in a store that pairs it with none of the shop's stores is also handed to
 * {@link UnpairedBeacons}, which proposes the one next to a scanner for pairing by proximity (even in a store that
 * has no zone marker yet); a beacon dropped as heard in two stores is forgotten there.
 *
 * <p>Memory is bounded: a (device, marker) filter not fed for the zone settings' visit timeout is forgotten on
 * {@link #tick()}, as is a device whose visit has ended ({@link StorePresence}); a store holds at most
 * {@link PipelineSettings#maxPairsPerStore()} filters. When a store's pairing changes, its trackers are rebuilt
 * on the next sighting (visits in progress there start afresh).
 *
 * <p>With several gateway instances, each store's filters and zone state run on exactly one of them: a sighting
 * of a store this instance does not own now ({@link StoreOwnership}, asked in memory) is dropped as
 * {@link PipelineDrop#NOT_OWNER} before its filter, after the shop-wide checks (EID, two stores, unpaired beacons),
 * which every instance runs on every sighting. When a store changes hands its state here is dropped without
 * events, and an owner that gains (or regains) a store starts its state afresh: visits in progress at a failover
 * restart on the new owner. A single instance owns every store ({@link StoreOwnership#SOLE}, the default).
 *
 * <p>Not thread-safe: confined to the ingest worker thread. Never throws on a sighting; the sink's exceptions
 * are caught and counted.
 */
public final class SightingPipeline {

    private static final System.Logger LOG = System.getLogger(SightingPipeline.class.getName());
    /** Speed-check state of visits that never ended (their store's trackers were rebuilt) is kept this long. */
    private static final Duration FORGET_UNENDED_VISITS = Duration.ofHours(1);

    private record StoreKey(ShopId shop, StoreId store) {
    }

    private record PairKey(DeviceId device, BeaconKey marker) {
    }

    private static final class Fed {
        final RssiWindowFilter filter;
        Instant lastFedAt;

        Fed(RssiWindowFilter filter) {
            this.filter = filter;
        }
    }

    private static final class StoreState {
        final StorePairing pairing;
        final StorePresence presence;
        final Map<PairKey, Fed> filters = new HashMap<>();
        final Set<VisitId> openVisits = new HashSet<>();
        final long term;

        StoreState(StorePairing pairing, StorePresence presence, long term) {
            this.pairing = pairing;
            this.presence = presence;
            this.term = term;
        }
    }

    private final Supplier<PairingSnapshot> pairing;
    private final PipelineSettings settings;
    private final Clock clock;
    private final Supplier<VisitId> visitIds;
    private final ProximitySink sink;
    private final Drops<PipelineDrop> drops = new Drops<>(PipelineDrop.class);
    private final Drops<FilterRejection> rejections = new Drops<>(FilterRejection.class);
    private final Map<StoreKey, StoreState> stores = new HashMap<>();
    private final TwoStoreCheck twoStores;
    private final SpeedCheck speed;
    private final UnpairedBeacons unpaired;
    private final StoreOwnership ownership;
    private PairingSnapshot resolverSnapshot;
    private EidResolver resolver;
    private long events;

    /**
     * @param pairing  the registry's current snapshot, asked for every sighting; never null
     * @param settings never null
     * @param clock    the gateway's clock; never null
     * @param visitIds a new unique visit id per call; never null
     * @param sink     receives the events; never null
     */
    public SightingPipeline(Supplier<PairingSnapshot> pairing, PipelineSettings settings, Clock clock,
                            Supplier<VisitId> visitIds, ProximitySink sink) {
        this(pairing, settings, clock, visitIds, sink, new UnpairedBeacons(ProposalSettings.defaults(), clock));
    }

    /**
     * @param pairing  the registry's current snapshot, asked for every sighting; never null
     * @param settings never null
     * @param clock    the gateway's clock; never null
     * @param visitIds a new unique visit id per call; never null
     * @param sink     receives the events; never null
     * @param unpaired is told the unpaired beacons heard, for pairing by proximity; never null
     */
    public SightingPipeline(Supplier<PairingSnapshot> pairing, PipelineSettings settings, Clock clock,
                            Supplier<VisitId> visitIds, ProximitySink sink, UnpairedBeacons unpaired) {
        this(pairing, settings, clock, visitIds, sink, unpaired, StoreOwnership.SOLE);
    }

    /**
     * @param pairing   the registry's current snapshot, asked for every sighting; never null
     * @param settings  never null
     * @param clock     the gateway's clock; never null
     * @param visitIds  a new unique visit id per call; never null
     * @param sink      receives the events; never null
     * @param unpaired  is told the unpaired beacons heard, for pairing by proximity; never null
     * @param ownership which stores this instance runs now, asked per sighting and per tick; never null
     */
    public SightingPipeline(Supplier<PairingSnapshot> pairing, PipelineSettings settings, Clock clock,
                            Supplier<VisitId> visitIds, ProximitySink sink, UnpairedBeacons unpaired,
                            StoreOwnership ownership) {
        this.ownership = Objects.requireNonNull(ownership, "ownership");
        this.unpaired = Objects.requireNonNull(unpaired, "unpaired");
        this.pairing = Objects.requireNonNull(pairing, "pairing");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.visitIds = Objects.requireNonNull(visitIds, "visitIds");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.twoStores = new TwoStoreCheck(settings.plausibility(), clock);
        this.speed = new SpeedCheck(settings.plausibility());
    }

    /** Takes one sighting; its events, if any, reach the sink before this returns. @param sighting never null */
    public void accept(Sighting heard) {
        Objects.requireNonNull(heard, "sighting");
        PairingSnapshot snapshot = pairing.get();
        Optional<StorePairing> store = snapshot.store(heard.shop(), heard.store());
        if (store.isEmpty()) {
            drops.record(PipelineDrop.UNKNOWN_STORE);
            return;
        }
        Sighting sighting = resolveEid(snapshot, heard);
        if (sighting == null) {
            drops.record(PipelineDrop.STALE_EID);
            return;
        }
        if (!inOneStore(sighting)) {
            drops.record(PipelineDrop.BEACON_IN_TWO_STORES);
            if (sighting.beacon() != null) {
                unpaired.suspect(sighting.shop(), sighting.beacon());
            }
            return;
        }
        if (sighting.beacon() != null && !snapshot.pairedInShop(sighting.shop(), sighting.beacon())) {
            unpaired.heard(sighting);
        }
        if (store.get().layout().isEmpty()) {
            drops.record(PipelineDrop.NO_ZONES);
            return;
        }
        StoreKey storeKey = new StoreKey(sighting.shop(), sighting.store());
        long term = ownership.term(sighting.shop(), sighting.store());
        if (term == StoreOwnership.NOT_OWNED) {
            stores.remove(storeKey);
            drops.record(PipelineDrop.NOT_OWNER);
            return;
        }
        Optional<StorePairing.Marker> marker = marker(store.get(), sighting);
        if (marker.isEmpty()) {
            return;
        }
        StoreState state = state(storeKey, store.get(), term);
        PairKey key = new PairKey(sighting.device(), marker.get().key());
        Fed fed = state.filters.get(key);
        if (fed == null) {
            if (state.filters.size() >= settings.maxPairsPerStore()) {
                drops.record(PipelineDrop.TOO_MANY_DEVICES);
                return;
            }
            fed = new Fed(new RssiWindowFilter(settings.filter(),
                    marker.get().calibration().model(sighting.rssiAt1m()), clock, rejections));
            state.filters.put(key, fed);
        }
        fed.lastFedAt = clock.instant();
        FilterOutcome outcome = fed.filter.offer(new RssiReading(sighting.observedAt(), sighting.rssiDbm()));
        if (outcome instanceof FilterOutcome.Accepted accepted) {
            emit(sighting.shop(), state, state.presence.onEstimate(sighting.device(), key.marker(),
                    accepted.estimate()));
        }
    }

    /**
     * Advances every store's zone state machine to the clock's time (timeouts, dwell marks, visit ends) and
     * forgets idle devices; first drops, without events, the state of stores this instance no longer owns (or
     * owns in a new term). Call it about once a second.
     */
    public void tick() {
        stores.entrySet().removeIf(entry -> {
            long term = ownership.term(entry.getKey().shop(), entry.getKey().store());
            if (term == entry.getValue().term) {
                return false;
            }
            LOG.log(System.Logger.Level.INFO, "store {0}/{1} is no longer run here (another instance took it);"
                    + " its visits in progress are left to the new owner", entry.getKey().shop(),
                    entry.getKey().store());
            return true;
        });
        Instant forgetBefore = clock.instant().minus(settings.zones().visitTimeout());
        stores.forEach((key, state) -> {
            emit(key.shop(), state, state.presence.onTick());
            state.filters.values().removeIf(fed -> fed.lastFedAt.isBefore(forgetBefore));
        });
        stores.values().removeIf(state -> state.filters.isEmpty() && state.presence.trackedDevices() == 0);
        twoStores.forgetIdle();
        unpaired.forgetExpired();
        speed.forgetVisitsBefore(clock.instant().minus(FORGET_UNENDED_VISITS));
    }

    /**
     * Replaces an Eddystone-EID rotation key by the stable key of the registered beacon that broadcasts it now
     * (also as the device, when the device was that rotation key).
     *
     * @return the sighting to go on with, or null when the id is stale (an older window of a registered beacon)
     */
    private Sighting resolveEid(PairingSnapshot snapshot, Sighting sighting) {
        if (sighting.beacon() == null || !sighting.beacon().isEphemeral()) {
            return sighting;
        }
        if (snapshot != resolverSnapshot) {
            resolver = new EidResolver(snapshot.eidBeacons(), settings.eid(), clock);
            resolverSnapshot = snapshot;
        }
        EidResolution resolution = resolver.resolve(sighting.beacon());
        if (resolution instanceof EidResolution.Stale) {
            return null;
        }
        if (resolution instanceof EidResolution.Resolved resolved) {
            BeaconKey stable = resolved.key();
            DeviceId device = sighting.device().value().equals(sighting.beacon().value())
                    ? DeviceId.of(stable.value()) : sighting.device();
            return new Sighting(sighting.scanner(), device, stable, sighting.advertisedRssiAt1m(),
                    sighting.rssiDbm(), sighting.observedAt());
        }
        return sighting;
    }

    /** The two-stores check on the beacon heard and on the device; both are recorded. */
    private boolean inOneStore(Sighting sighting) {
        boolean device = twoStores.admit(sighting.shop(), sighting.store(), sighting.device().value());
        if (sighting.beacon() == null || sighting.beacon().value().equals(sighting.device().value())) {
            return device;
        }
        return twoStores.admit(sighting.shop(), sighting.store(), sighting.beacon().value()) & device;
    }

    /** Sightings dropped after parsing, by reason. Thread-safe to read. */
    public Drops<PipelineDrop> drops() {
        return drops;
    }

    /** Readings the RSSI filters rejected (future, too old, implausible, too fast), by reason. Thread-safe. */
    public Drops<FilterRejection> rejections() {
        return rejections;
    }

    /** (device, marker) filters held now, over all stores; for metrics and tests. Worker thread only. */
    public int trackedPairs() {
        return stores.values().stream().mapToInt(state -> state.filters.size()).sum();
    }

    /** The unpaired beacons heard, for pairing by proximity; thread-safe. */
    public UnpairedBeacons unpairedBeacons() {
        return unpaired;
    }

    /** Events handed to the sink so far. Worker thread only. */
    public long eventsEmitted() {
        return events;
    }

    private Optional<StorePairing.Marker> marker(StorePairing store, Sighting sighting) {
        Optional<StorePairing.Marker> fixed = store.fixedScanner(sighting.scanner().scannerId());
        Optional<StorePairing.Marker> beacon = sighting.beaconKey().flatMap(store::beacon);
        if (fixed.isPresent()) {
            if (beacon.isPresent()) {
                drops.record(PipelineDrop.NOT_A_SHOPPER);
                return Optional.empty();
            }
            return fixed;
        }
        if (beacon.isEmpty()) {
            drops.record(PipelineDrop.UNPAIRED_BEACON);
        }
        return beacon;
    }

    private StoreState state(StoreKey key, StorePairing store, long term) {
        StoreState state = stores.get(key);
        if (state == null || !state.pairing.equals(store) || state.term != term) {
            if (state != null) {
                LOG.log(System.Logger.Level.INFO, "pairing of store {0}/{1} changed; restarting its trackers",
                        key.shop(), key.store());
            }
            state = new StoreState(store, new StorePresence(store.layout().orElseThrow(), settings.zones(), clock,
                    visitIds), term);
            stores.put(key, state);
        }
        return state;
    }

    /**
     * Passes a store's events on: a {@code VisitStarted} before the first event of each visit (its first enter,
     * when the zone tracker opens the visit), then each event unless the speed check holds it back.
     */
    private void emit(ShopId shop, StoreState state, List<ProximityEvent> produced) {
        for (ProximityEvent event : produced) {
            if (event instanceof ZoneEntered entered && state.openVisits.add(entered.visit())) {
                deliver(shop, state, new VisitStarted(entered.store(), entered.visit(), entered.device(),
                        entered.at()));
            } else if (event instanceof VisitEnded ended) {
                state.openVisits.remove(ended.visit());
            }
            deliver(shop, state, event);
        }
    }

    private void deliver(ShopId shop, StoreState state, ProximityEvent event) {
        if (!(event instanceof VisitStarted || event instanceof VisitEnded)
                && twoStores.isFlagged(shop, event.device().value())) {
            drops.record(PipelineDrop.BEACON_IN_TWO_STORES);
            return;
        }
        if (!speed.admit(event, (from, to) -> state.pairing.zone(from)
                .flatMap(a -> state.pairing.zone(to).flatMap(a::distanceTo)))) {
            drops.record(PipelineDrop.IMPLAUSIBLE_SPEED);
            return;
        }
        try {
            sink.accept(shop, event);
            events++;
        } catch (RuntimeException e) {
            drops.record(PipelineDrop.SINK_FAILED);
            LOG.log(System.Logger.Level.ERROR, "proximity sink failed for shop " + shop + ", store "
                    + event.store() + ", device " + event.device(), e);
        }
    }
}
