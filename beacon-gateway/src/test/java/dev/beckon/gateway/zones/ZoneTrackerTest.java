package dev.beckon.gateway.zones;

import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.event.VisitEnded;
import dev.beckon.api.event.ZoneDwelled;
import dev.beckon.api.event.ZoneEntered;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.filter.PathLossModel;
import dev.beckon.gateway.filter.RssiEstimate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The zone rules, driven by hand-made estimates and a clock the test moves. */
class ZoneTrackerTest {

    static final Instant START = Instant.parse("2026-09-05T10:00:00Z");
    static final StoreId STORE = StoreId.of("store-amsterdam");
    static final DeviceId DEVICE = DeviceId.of("app-install-7");
    static final BeaconKey SHOES = BeaconKey.parse("ibeacon:fda50693-a4e2-4fb1-afcf-c6eb07647825:1:1").orElseThrow();
    static final BeaconKey SHOES_2 = BeaconKey.parse("ibeacon:fda50693-a4e2-4fb1-afcf-c6eb07647825:1:2").orElseThrow();
    static final BeaconKey BAGS = BeaconKey.parse("ibeacon:fda50693-a4e2-4fb1-afcf-c6eb07647825:2:1").orElseThrow();
    static final BeaconKey HATS = BeaconKey.parse("ibeacon:fda50693-a4e2-4fb1-afcf-c6eb07647825:3:1").orElseThrow();
    static final BeaconKey STRANGER = BeaconKey.parse("ibeacon:a495bb10-c5b1-4b44-b512-1370f02d74de:68:1016")
            .orElseThrow();

    final MutableClock clock = new MutableClock(START);
    final List<ProximityEvent> events = new ArrayList<>();
    final ZoneTracker tracker = new ZoneTracker(StoreLayout.of(STORE,
            Zone.of(StoreZoneId.of("shoes"), SHOES, SHOES_2),
            Zone.of(StoreZoneId.of("bags"), BAGS),
            Zone.of(StoreZoneId.of("hats"), HATS)),
            DEVICE, ZoneSettings.defaults(), clock, visitIds());

    static Supplier<VisitId> visitIds() {
        AtomicInteger next = new AtomicInteger();
        return () -> VisitId.of("visit-" + next.incrementAndGet());
    }

    @Test
    void aZoneIsEnteredOnceTheDeviceHasBeenCloseForTheHoldTime() {
        secondsOf(5, () -> hear(SHOES, 2.0));  // START .. START + 4 s
        assertThat(events).isEmpty();

        hear(SHOES, 2.0);                       // START + 5 s
        assertThat(EventText.of(events)).containsExactly("entered shoes");
        ZoneEntered entered = (ZoneEntered) events.get(0);
        assertThat(entered.visit()).isEqualTo(VisitId.of("visit-1"));
        assertThat(entered.at()).isEqualTo(START.plusSeconds(5));
        assertThat(entered.store()).isEqualTo(STORE);
        assertThat(entered.device()).isEqualTo(DEVICE);
    }

    @Test
    void ofTwoZonesEquallyCloseTheLaterInTheLayoutIsEntered() {
        secondsOf(6, () -> {
            hear(HATS, 2.0);
            hear(BAGS, 2.0);
        });

        assertThat(EventText.of(events)).containsExactly("entered hats");
    }

    @Test
    void walkingPastAZoneDoesNotEnterIt() {
        secondsOf(3, () -> hear(SHOES, 2.0));
        secondsOf(60, () -> hear(SHOES, 8.0));

        assertThat(events).isEmpty();
    }

    @Test
    void betweenTheEnterAndExitRadiusNothingChanges() {
        secondsOf(60, () -> hear(SHOES, 4.5));
        assertThat(events).isEmpty();

        secondsOf(6, () -> hear(SHOES, 2.0));
        secondsOf(20, () -> hear(SHOES, 4.5 + (clock.instant().getEpochSecond() % 2)));

        assertThat(EventText.of(events)).containsExactly("entered shoes");
    }

    @Test
    void aClearlyCloserZoneTakesOverAfterTheHoldExitBeforeEnterInOneVisit() {
        enterShoes();

        secondsOf(10, () -> {
            hear(SHOES, 2.5);
            hear(BAGS, 1.0);
        });
        assertThat(EventText.of(events)).containsExactly("entered shoes");

        secondsOf(1, () -> {
            hear(SHOES, 2.5);
            hear(BAGS, 1.0);
        });

        assertThat(EventText.of(events)).containsExactly("entered shoes", "exited shoes", "entered bags");
        assertThat(events).allSatisfy(e -> assertThat(e.visit()).isEqualTo(VisitId.of("visit-1")));
    }

    @Test
    void aChallengerThatIsOnlySlightlyCloserNeverTakesOver() {
        enterShoes();

        secondsOf(300, () -> {
            hear(SHOES, 2.0);
            hear(BAGS, 1.4);  // 30 % closer: inside the 35 % margin
        });

        assertThat(EventText.of(events)).containsExactly("entered shoes",
                "dwelled shoes 30s", "dwelled shoes 60s", "dwelled shoes 120s");
    }

    @Test
    void aChallengerThatWinsForLessThanTheHoldDoesNotTakeOver() {
        enterShoes();

        for (int round = 0; round < 20; round++) {
            secondsOf(9, () -> {
                hear(SHOES, 2.5);
                hear(BAGS, 0.8);
            });
            secondsOf(2, () -> {
                hear(SHOES, 1.5);
                hear(BAGS, 2.5);
            });
        }

        assertThat(EventText.of(events)).doesNotContain("exited shoes", "entered bags");
    }

    @Test
    void flappingBetweenTwoEquidistantBeaconsDoesNotRepeatEnterAndExit() {
        // ESPresense #123, room-assistant #305: a still device between two beacons, estimates crossing each other
        enterShoes();
        Random noise = new Random(123);

        secondsOf(600, () -> {
            hear(SHOES, 2.0 * (1 + 0.2 * noise.nextGaussian()));
            hear(BAGS, 2.0 * (1 + 0.2 * noise.nextGaussian()));
        });

        assertThat(EventText.of(events)).containsExactly("entered shoes",
                "dwelled shoes 30s", "dwelled shoes 60s", "dwelled shoes 120s");
    }

    @Test
    void jumpingBetweenThreeZonesAtTheSameDistanceStaysInTheFirst() {
        // Bermuda #329: presence jumping between three rooms with one proxy each. Here the loudest room changes
        // every second and is 30 % closer than the others: inside the switch margin.
        enterShoes();
        Random noise = new Random(329);

        secondsOf(300, () -> {
            int loudest = noise.nextInt(3);
            hear(SHOES, loudest == 0 ? 1.5 : 2.15);
            hear(BAGS, loudest == 1 ? 1.5 : 2.15);
            hear(HATS, loudest == 2 ? 1.5 : 2.15);
        });

        assertThat(EventText.of(events)).containsExactly("entered shoes",
                "dwelled shoes 30s", "dwelled shoes 60s", "dwelled shoes 120s");
    }

    @Test
    void aStaleStrongReadingCannotWinAZone() {
        enterShoes();

        secondsOf(30, () -> {
            hear(SHOES, 2.5);
            tracker.onEstimate(BAGS, estimate(0.5, clock.instant().minusSeconds(11))).forEach(events::add);
        });

        assertThat(EventText.of(events)).containsExactly("entered shoes", "dwelled shoes 30s");
    }

    @Test
    void aStrongReadingThatWentStaleCannotEnterAZone() {
        tracker.onEstimate(BAGS, estimate(0.5, START.minusSeconds(12))).forEach(events::add);
        secondsOf(30, this::tick);

        assertThat(events).isEmpty();
    }

    @Test
    void aChallengerWinsWithoutTheMarginWhenTheCurrentZoneHasGoneQuiet() {
        enterShoes();

        secondsOf(20, () -> hear(BAGS, 2.8));  // shoes silent: stale after 10 s, then bags holds 10 s
        assertThat(EventText.of(events)).containsExactly("entered shoes");

        secondsOf(1, () -> hear(BAGS, 2.8));

        assertThat(EventText.of(events)).containsExactly("entered shoes", "exited shoes", "entered bags");
    }

    @Test
    void theBestBeaconOfAZoneCounts() {
        secondsOf(6, () -> {
            hear(SHOES, 5.0);
            hear(SHOES_2, 1.5);
            hear(BAGS, 2.5);
        });

        assertThat(EventText.of(events)).containsExactly("entered shoes");
    }

    @Test
    void absenceExitsTheZoneThenEndsTheVisit() {
        enterShoes();
        Instant lastHeard = clock.instant().minusSeconds(1);
        Instant enteredAt = ((ZoneEntered) events.get(0)).at();

        clock.set(lastHeard.plusSeconds(29));
        tick();
        assertThat(EventText.of(events)).containsExactly("entered shoes");

        clock.set(lastHeard.plusSeconds(30));
        tick();
        assertThat(EventText.of(events)).containsExactly("entered shoes", "exited shoes");

        clock.set(lastHeard.plusSeconds(119));
        tick();
        assertThat(events).hasSize(2);

        clock.set(lastHeard.plusSeconds(120));
        tick();
        assertThat(EventText.of(events)).containsExactly("entered shoes", "exited shoes", "visit ended");
        VisitEnded ended = (VisitEnded) events.get(2);
        assertThat(ended.startedAt()).isEqualTo(enteredAt);
        assertThat(ended.endedAt()).isEqualTo(lastHeard.plusSeconds(120));
        assertThat(tracker.idle()).isTrue();
    }

    @Test
    void aVisitEndingInsideAZoneExitsItFirst() {
        ZoneTracker patient = new ZoneTracker(StoreLayout.of(STORE, Zone.of(StoreZoneId.of("shoes"), SHOES)),
                DEVICE, new ZoneSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 0.35, Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofSeconds(60), List.of()), clock, visitIds());
        for (int second = 0; second <= 5; second++) {
            events.addAll(patient.onEstimate(SHOES, estimate(2.0, clock.instant())));
            clock.advance(Duration.ofSeconds(1));
        }

        clock.advance(Duration.ofSeconds(60));
        events.addAll(patient.onTick());

        assertThat(EventText.of(events)).containsExactly("entered shoes", "exited shoes", "visit ended");
    }

    @Test
    void aShortGapInReadingsNextToTheBeaconIsNotAnExit() {
        // AltBeacon #540: exits while the beacon was next to the phone, with a 10 s exit period
        enterShoes();

        secondsOf(25, this::tick);
        secondsOf(40, () -> hear(SHOES, 1.0));

        assertThat(EventText.of(events)).containsExactly("entered shoes", "dwelled shoes 30s", "dwelled shoes 60s");
    }

    @Test
    void dwellMarksAreEmittedOnceEachPerStay() {
        enterShoes();
        secondsOf(300, () -> hear(SHOES, 1.5));

        List<ZoneDwelled> dwells = events.stream().filter(ZoneDwelled.class::isInstance)
                .map(ZoneDwelled.class::cast).toList();
        assertThat(dwells).extracting(ZoneDwelled::dwell)
                .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120));
        ZoneEntered entered = (ZoneEntered) events.get(0);
        assertThat(dwells).allSatisfy(d -> assertThat(Duration.between(entered.at(), d.at()))
                .isEqualTo(d.dwell()));
    }

    @Test
    void aNewStayInTheSameVisitEarnsTheDwellMarksAgain() {
        enterShoes();
        secondsOf(35, () -> hear(SHOES, 1.5));
        secondsOf(15, () -> hear(SHOES, 8.0));   // leaves by distance, still in the store
        secondsOf(40, () -> hear(SHOES, 1.5));   // comes back

        assertThat(EventText.of(events)).containsExactly("entered shoes", "dwelled shoes 30s", "exited shoes",
                "entered shoes", "dwelled shoes 30s");
        assertThat(events).allSatisfy(e -> assertThat(e.visit()).isEqualTo(VisitId.of("visit-1")));
    }

    @Test
    void aDwellMarkIsNotEarnedWhileTheZoneIsStale() {
        enterShoes();            // entered at START + 5 s
        secondsOf(10, () -> hear(SHOES, 1.5));
        secondsOf(28, this::tick);  // silent from START + 15 s: stale after START + 25 s, exit at START + 45 s

        assertThat(EventText.of(events)).containsExactly("entered shoes");
    }

    @Test
    void theNextVisitGetsANewId() {
        enterShoes();
        clock.advance(Duration.ofMinutes(3));
        tick();

        enterShoes();

        assertThat(events).filteredOn(ZoneEntered.class::isInstance).extracting(ProximityEvent::visit)
                .containsExactly(VisitId.of("visit-1"), VisitId.of("visit-2"));
    }

    @Test
    void aBeaconOfAnotherStoreIsIgnored() {
        secondsOf(60, () -> hear(STRANGER, 0.5));

        assertThat(events).isEmpty();
        assertThat(tracker.idle()).isTrue();
    }

    private void enterShoes() {
        secondsOf(6, () -> hear(SHOES, 2.0));
        assertThat(EventText.of(events)).last().isEqualTo("entered shoes");
    }

    private void hear(BeaconKey beacon, double metres) {
        events.addAll(tracker.onEstimate(beacon, estimate(metres, clock.instant())));
    }

    private void tick() {
        events.addAll(tracker.onTick());
    }

    /** Runs {@code each} once per second, {@code seconds} times, ticking after each and moving the clock on. */
    private void secondsOf(int seconds, Runnable each) {
        for (int i = 0; i < seconds; i++) {
            each.run();
            tick();
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private static RssiEstimate estimate(double metres, Instant at) {
        return new RssiEstimate(PathLossModel.DEFAULT.rssiAt(metres), metres, 5, 0, at);
    }
}
