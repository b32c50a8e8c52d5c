package dev.beckon.gateway.zones;

import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.event.VisitEnded;
import dev.beckon.api.event.ZoneEntered;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.zones.ShopperSimulation.Mounted;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole walks through a store with noisy radio, through the real filters and the zone state machine. Each walk
 * runs with twenty different noise seeds and must give the same events every time.
 */
class NoisyWalkTest {

    static final Instant START = Instant.parse("2026-09-05T10:00:00Z");
    static final StoreId STORE = StoreId.of("store-amsterdam");
    static final BeaconKey ENTRANCE = key(1);
    static final BeaconKey SHOE_WALL = key(2);
    static final BeaconKey CHECKOUT = key(3);
    /** Entrance, shoe wall and checkout beacons 12 m apart along one aisle, 1.5 m off the walking line. */
    static final List<Mounted> AISLE = List.of(new Mounted(ENTRANCE, 0, 1.5), new Mounted(SHOE_WALL, 12, 1.5),
            new Mounted(CHECKOUT, 24, 1.5));

    final MutableClock clock = new MutableClock(START);
    final ZoneTracker tracker = new ZoneTracker(StoreLayout.of(STORE,
            Zone.of(StoreZoneId.of("entrance"), ENTRANCE),
            Zone.of(StoreZoneId.of("shoe-wall"), SHOE_WALL),
            Zone.of(StoreZoneId.of("checkout"), CHECKOUT)),
            DeviceId.of("app-install-7"), ZoneSettings.defaults(), clock, visitIds());

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aWalkPastThreeZonesGivesEnterDwellExitInOrderThenTheVisitEnds(long seed) {
        ShopperSimulation walk = new ShopperSimulation(seed, clock, AISLE, tracker, -8, 0)
                .walkTo(0, 0, 1.0).stay(Duration.ofSeconds(35))          // entrance
                .walkTo(12, 0, 1.0).stay(Duration.ofSeconds(80))         // shoe wall
                .walkTo(24, 0, 1.0).stay(Duration.ofSeconds(40))         // checkout
                .walkTo(24, -25, 1.2)                                    // out through the door
                .silence(Duration.ofMinutes(3));

        assertThat(EventText.of(walk.events())).containsExactly(
                "entered entrance", "dwelled entrance 30s", "exited entrance",
                "entered shoe-wall", "dwelled shoe-wall 30s", "dwelled shoe-wall 60s", "exited shoe-wall",
                "entered checkout", "dwelled checkout 30s", "exited checkout",
                "visit ended");
        assertThat(walk.events()).extracting(ProximityEvent::visit).containsOnly(VisitId.of("visit-1"));
        ZoneEntered first = (ZoneEntered) walk.events().get(0);
        VisitEnded last = (VisitEnded) walk.events().get(walk.events().size() - 1);
        assertThat(last.startedAt()).isEqualTo(first.at());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void standingStillBetweenTwoEquidistantBeaconsDoesNotFlap(long seed) {
        // ESPresense #123, room-assistant #305: a still device between two beacons, raw RSSI crossing all the time
        List<Mounted> pair = List.of(new Mounted(ENTRANCE, 0, 1.5), new Mounted(SHOE_WALL, 4, 1.5));
        ShopperSimulation still = new ShopperSimulation(seed, clock, pair, tracker, 0, 0)
                .stay(Duration.ofSeconds(20))   // at the entrance beacon
                .walkTo(2, 0, 1.0)              // to the middle: 2.5 m from both
                .stay(Duration.ofMinutes(10));

        assertNoRepeatedEnterAndExit(still.events());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void standingStillAmongThreeEquidistantBeaconsDoesNotFlap(long seed) {
        // Bermuda #329: presence jumping between three rooms with one proxy per room
        List<Mounted> triangle = List.of(new Mounted(ENTRANCE, 0, 0), new Mounted(SHOE_WALL, 4, 0),
                new Mounted(CHECKOUT, 2, 3.46));
        ShopperSimulation still = new ShopperSimulation(seed, clock, triangle, tracker, 0, 0.5)
                .stay(Duration.ofSeconds(20))
                .walkTo(2, 1.15, 1.0)           // the centre: 2.3 m from all three
                .stay(Duration.ofMinutes(10));

        assertNoRepeatedEnterAndExit(still.events());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aShopperWhoWalksStraightThroughEntersNoZoneAndStartsNoVisit(long seed) {
        ShopperSimulation passerBy = new ShopperSimulation(seed, clock, AISLE, tracker, -8, 5)
                .walkTo(32, 5, 1.4)             // 3.5 m from each beacon at the closest, never lingering
                .silence(Duration.ofMinutes(3));

        assertThat(passerBy.events()).isEmpty();
    }

    /**
     * Ten minutes standing still where no zone is clearly closer: the first zone is entered, and at most one zone
     * change follows, never a change back. (With the default settings, 200 seeded runs of each case changed zone
     * once in 3-5 % of runs and twice in 0.5 %; these twenty seeds stay in the first zone or change once.)
     */
    private static void assertNoRepeatedEnterAndExit(List<ProximityEvent> events) {
        List<String> text = EventText.of(events);
        assertThat(text).startsWith("entered entrance", "dwelled entrance 30s");
        assertThat(text).filteredOn(event -> event.startsWith("entered")).hasSizeLessThanOrEqualTo(2);
        assertThat(text).filteredOn(event -> event.startsWith("exited")).hasSizeLessThanOrEqualTo(1);
        assertThat(text).doesNotContain("visit ended");
    }

    private static BeaconKey key(int minor) {
        return BeaconKey.parse("ibeacon:426c7565-4368-6172-6d42-6561636f6e73:100:" + minor).orElseThrow();
    }

    private static Supplier<VisitId> visitIds() {
        AtomicInteger next = new AtomicInteger();
        return () -> VisitId.of("visit-" + next.incrementAndGet());
    }
}
