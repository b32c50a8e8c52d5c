package dev.beckon.gateway.zones;

import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.event.ProximityEvent;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StorePresenceTest {

    static final BeaconKey SHOES = BeaconKey.parse("ibeacon:fda50693-a4e2-4fb1-afcf-c6eb07647825:1:1").orElseThrow();
    static final BeaconKey ELSEWHERE = BeaconKey.parse("eddystone-uid:8b0ca750e7a74e14bd99:095477cb3e77")
            .orElseThrow();
    static final DeviceId ANNA = DeviceId.of("anna-phone");
    static final DeviceId BEN = DeviceId.of("ben-phone");

    final MutableClock clock = new MutableClock(Instant.parse("2026-09-05T10:00:00Z"));
    final AtomicInteger visits = new AtomicInteger();
    final StorePresence store = new StorePresence(
            StoreLayout.of(StoreId.of("store-1"), Zone.of(StoreZoneId.of("shoes"), SHOES)),
            ZoneSettings.defaults(), clock, () -> VisitId.of("visit-" + visits.incrementAndGet()));
    final List<ProximityEvent> events = new ArrayList<>();

    @Test
    void eachDeviceHasItsOwnVisit() {
        for (int second = 0; second <= 5; second++) {
            events.addAll(store.onEstimate(ANNA, SHOES, near()));
            events.addAll(store.onEstimate(BEN, SHOES, near()));
            events.addAll(store.onTick());
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(events).extracting(ProximityEvent::device).containsExactly(ANNA, BEN);
        assertThat(events).extracting(ProximityEvent::visit)
                .containsExactly(VisitId.of("visit-1"), VisitId.of("visit-2"));
        assertThat(store.trackedDevices()).isEqualTo(2);
    }

    @Test
    void aBeaconOfAnotherStoreCreatesNoTracker() {
        assertThat(store.onEstimate(ANNA, ELSEWHERE, near())).isEmpty();

        assertThat(store.trackedDevices()).isZero();
    }

    @Test
    void aDeviceIsForgottenOnceItsVisitHasEnded() {
        for (int second = 0; second <= 5; second++) {
            store.onEstimate(ANNA, SHOES, near());
            clock.advance(Duration.ofSeconds(1));
        }

        clock.advance(Duration.ofMinutes(3));
        List<ProximityEvent> ended = store.onTick();

        assertThat(EventText.of(ended)).containsExactly("exited shoes", "visit ended");
        assertThat(store.trackedDevices()).isZero();
    }

    private RssiEstimate near() {
        return new RssiEstimate(PathLossModel.DEFAULT.rssiAt(1.5), 1.5, 5, 0, clock.instant());
    }
}
