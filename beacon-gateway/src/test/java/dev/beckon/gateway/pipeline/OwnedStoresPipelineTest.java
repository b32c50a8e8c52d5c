package dev.beckon.gateway.pipeline;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.testing.TestDatabases;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;
import dev.beckon.gateway.ingest.Sighting;
import dev.beckon.gateway.ownership.StoreLeaseSettings;
import dev.beckon.gateway.ownership.StoreLeases;
import dev.beckon.gateway.ownership.StoreOwnership;
import dev.beckon.gateway.pairing.Calibration;
import dev.beckon.gateway.pairing.GatewaySchema;
import dev.beckon.gateway.pairing.PairedBeacon;
import dev.beckon.gateway.pairing.PairingSnapshot;
import dev.beckon.gateway.pairing.ProposalSettings;
import dev.beckon.gateway.pairing.RegisteredScanner;
import dev.beckon.gateway.pairing.UnpairedBeacons;
import dev.beckon.gateway.pairing.ZoneDefinition;
import dev.beckon.gateway.zones.EventText;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances on one database, both fed every sighting of six stores (as when both subscribe to all
 * topics): each store's zone events come from exactly one of them, and after one shuts down the other runs its
 * stores from a fresh state.
 */
class OwnedStoresPipelineTest {

    private static final ShopId SHOP = ShopId.of("shop-1");
    private static final StoreZoneId SHOES = StoreZoneId.of("shoes");
    private static final Duration RENEW = Duration.ofSeconds(10);
    private static final List<String> ONE_VISIT = List.of("visit started", "entered shoes", "dwelled shoes 30s",
            "exited shoes", "visit ended");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final List<StoreId> stores = IntStream.range(0, 6).mapToObj(i -> StoreId.of("store-" + i)).toList();
    private final PairingSnapshot snapshot = snapshot();

    private final class Instance {
        final StoreLeases leases;
        final RecordingSink sink = new RecordingSink();
        final SightingPipeline pipeline;
        boolean running = true;

        Instance(DataSource dataSource, String owner) {
            // three claims a round, so the two instances split the six stores between them
            leases = new StoreLeases(dataSource, clock, new StoreLeaseSettings(Duration.ofSeconds(30), RENEW, 3),
                    owner);
            pipeline = new SightingPipeline(() -> snapshot, PipelineSettings.defaults(), clock,
                    () -> VisitId.of(UUID.randomUUID().toString()), sink,
                    new UnpairedBeacons(ProposalSettings.defaults(), clock), leases);
        }

        /** Stores whose events this instance emitted. */
        Set<StoreId> storesEmitted() {
            return sink.events().stream().map(ProximityEvent::store).collect(Collectors.toSet());
        }

        List<String> eventsOf(StoreId store) {
            return EventText.of(sink.events().stream().filter(event -> event.store().equals(store)).toList());
        }
    }

    @Test
    void eachStoresZoneEventsComeFromExactlyOneInstanceAndMoveOnShutdown() {
        DataSource dataSource = TestDatabases.h2();
        GatewaySchema.migrate(dataSource);
        Instance a = new Instance(dataSource, "gateway-a");
        Instance b = new Instance(dataSource, "gateway-b");
        List<Instance> both = List.of(a, b);

        walk(both, 45);
        silence(both, 160);

        assertThat(a.storesEmitted()).isNotEmpty().doesNotContainAnyElementsOf(b.storesEmitted());
        assertThat(b.storesEmitted()).isNotEmpty();
        Set<StoreId> all = new HashSet<>(a.storesEmitted());
        all.addAll(b.storesEmitted());
        assertThat(all).containsExactlyInAnyOrderElementsOf(stores);
        for (StoreId store : stores) {
            Instance owner = a.storesEmitted().contains(store) ? a : b;
            assertThat(owner.eventsOf(store)).as("events of %s", store).containsExactlyElementsOf(ONE_VISIT);
        }
        assertThat(a.pipeline.drops().countOf(PipelineDrop.NOT_OWNER)).isPositive();
        assertThat(b.pipeline.drops().countOf(PipelineDrop.NOT_OWNER)).isPositive();

        Set<StoreId> aStores = a.storesEmitted();
        int bEventsBefore = b.sink.events().size();
        walk(both, 5);
        a.running = false;
        a.leases.release();
        walk(List.of(b), 50);
        silence(List.of(b), 160);

        List<ProximityEvent> afterFailover = b.sink.events().subList(bEventsBefore, b.sink.events().size());
        Map<StoreId, List<String>> byStore = afterFailover.stream().collect(Collectors.groupingBy(
                ProximityEvent::store, Collectors.mapping(EventText::of, Collectors.toList())));
        assertThat(byStore.keySet()).as("b runs every store after a left").containsExactlyInAnyOrderElementsOf(
                stores);
        for (StoreId store : aStores) {
            assertThat(byStore.get(store)).as("a visit in progress at failover restarts on the new owner")
                    .containsExactlyElementsOf(ONE_VISIT);
        }
    }

    @Test
    void aStoreLostAndRegainedStartsAfreshWithoutEventsInBetween() {
        StoreId store = stores.get(0);
        AtomicLong term = new AtomicLong(1);
        RecordingSink sink = new RecordingSink();
        SightingPipeline pipeline = new SightingPipeline(() -> snapshot, PipelineSettings.defaults(), clock,
                () -> VisitId.of(UUID.randomUUID().toString()), sink,
                new UnpairedBeacons(ProposalSettings.defaults(), clock), (shop, s) -> s.equals(store) ? term.get()
                : StoreOwnership.NOT_OWNED);
        Runnable second = () -> {
            pipeline.accept(new Sighting(app(store), phone(store), beacon(store), -59, -62, clock.instant()));
            pipeline.accept(new Sighting(app(stores.get(1)), phone(stores.get(1)), beacon(stores.get(1)), -59, -62,
                    clock.instant()));
            pipeline.tick();
            clock.advance(Duration.ofSeconds(1));
        };
        IntStream.range(0, 10).forEach(i -> second.run());
        assertThat(EventText.of(sink.events())).containsExactly("visit started", "entered shoes");
        VisitId first = sink.events().get(0).visit();

        term.set(StoreOwnership.NOT_OWNED);
        IntStream.range(0, 150).forEach(i -> second.run());
        assertThat(EventText.of(sink.events())).as("no exit nor visit end from an instance that lost the store")
                .containsExactly("visit started", "entered shoes");
        assertThat(pipeline.trackedPairs()).isZero();

        term.set(2);
        IntStream.range(0, 10).forEach(i -> second.run());
        assertThat(EventText.of(sink.events())).containsExactly("visit started", "entered shoes", "visit started",
                "entered shoes");
        assertThat(sink.events().get(2).visit()).isNotEqualTo(first);
        assertThat(sink.events()).extracting(ProximityEvent::store).containsOnly(store);
        assertThat(pipeline.drops().countOf(PipelineDrop.NOT_OWNER)).isEqualTo(150 + 170);
    }

    /** Every store's phone stays near the store's beacon for {@code seconds}; the lease loop runs every 10 s. */
    private void walk(List<Instance> instances, int seconds) {
        for (int second = 0; second < seconds; second++) {
            for (StoreId store : stores) {
                Sighting sighting = new Sighting(app(store), phone(store), beacon(store), -59, -62, clock.instant());
                instances.forEach(instance -> instance.pipeline.accept(sighting));
            }
            step(instances);
        }
    }

    private void silence(List<Instance> instances, int seconds) {
        for (int second = 0; second < seconds; second++) {
            step(instances);
        }
    }

    private void step(List<Instance> instances) {
        if (clock.instant().getEpochSecond() % RENEW.toSeconds() == 0) {
            instances.stream().filter(instance -> instance.running).forEach(instance -> instance.leases.renew());
        }
        instances.forEach(instance -> instance.pipeline.tick());
        clock.advance(Duration.ofSeconds(1));
    }

    private PairingSnapshot snapshot() {
        PairingSnapshot.Builder builder = PairingSnapshot.builder();
        for (StoreId store : stores) {
            builder.store(SHOP, store)
                    .zone(new ZoneDefinition(SHOP, store, SHOES, 3.0, 6.0))
                    .beacon(new PairedBeacon(SHOP, store, beacon(store), SHOES, Calibration.DEFAULT))
                    .scanner(new RegisteredScanner(app(store), ScannerSource.BECKON, null, null,
                            Calibration.DEFAULT));
        }
        return builder.build();
    }

    private static ScannerRef app(StoreId store) {
        return new ScannerRef(SHOP, store, "app");
    }

    private static DeviceId phone(StoreId store) {
        return DeviceId.of("install-" + store.value());
    }

    private BeaconKey beacon(StoreId store) {
        return BeaconKey.ibeacon(UUID.fromString("2f234454-cf6d-4a0f-adf2-f4911ba9ffa6"), 1, stores.indexOf(store));
    }
}
