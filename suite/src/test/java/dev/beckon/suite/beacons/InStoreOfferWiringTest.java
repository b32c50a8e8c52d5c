package dev.beckon.suite.beacons;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.event.ZoneDwelled;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.engine.definitions.Action;
import dev.beckon.engine.definitions.BuiltInJourneys;
import dev.beckon.engine.definitions.DiscountSpec;
import dev.beckon.engine.definitions.Input;
import dev.beckon.engine.definitions.JourneyDefinition;
import dev.beckon.engine.definitions.JourneyInterpreter;
import dev.beckon.engine.definitions.RunState;
import dev.beckon.engine.templates.DefaultTemplates;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.filter.RssiEstimate;
import dev.beckon.gateway.zones.StoreLayout;
import dev.beckon.gateway.zones.Zone;
import dev.beckon.gateway.zones.ZoneSettings;
import dev.beckon.gateway.zones.ZoneTracker;
import dev.beckon.suite.config.SuiteSettings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped in-store offer, wired as the suite runs it unconfigured: the gateway's default zone timing (from
 * {@link GatewaySettings} with no key set) turns a shopper lingering at the shoe wall into a 30 s dwell, and the
 * built-in {@code in-store-offer} journey turns exactly that dwell into the offer; a shorter stay, or the same stay
 * at the checkout, into none. In milliseconds, with a clock the test moves; BeaconGatewayIT walks a shortened,
 * merchant-customised copy of the journey through a real Payara Micro.
 */
class InStoreOfferWiringTest {

    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    static final StoreId STORE = StoreId.of("store-munich");
    static final BeaconKey SHOES = BeaconKey.parse("ibeacon:2f234454-cf6d-4a0f-adf2-f4911ba9ffa6:2:2").orElseThrow();
    static final BeaconKey CHECKOUT = BeaconKey.parse("ibeacon:2f234454-cf6d-4a0f-adf2-f4911ba9ffa6:2:3")
            .orElseThrow();
    static final JourneyDefinition IN_STORE_OFFER = BuiltInJourneys.load(DefaultTemplates.load())
            .get("in-store-offer");

    final MutableClock clock = new MutableClock(T0);
    final ZoneSettings defaults = GatewaySettings.from(key -> null, SuiteSettings.from(key -> null)).pipeline()
            .zones();
    final ZoneTracker tracker = new ZoneTracker(StoreLayout.of(STORE, Zone.of(StoreZoneId.of("shoes"), SHOES),
            Zone.of(StoreZoneId.of("checkout"), CHECKOUT)), DeviceId.of("ann-install-7"), defaults, clock,
            () -> VisitId.of("visit-1"));

    @Test
    void theDefaultDwellMarksBeginWithTheBuiltInOffersThirtySeconds() {
        assertThat(defaults.dwellMarks()).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofMinutes(2));
    }

    @Test
    void lingeringThirtySecondsAtTheShoeWallGetsTheOfferAndTwentyNineSecondsDoNot() {
        List<ProximityEvent> events = stayNear(SHOES, Duration.ofSeconds(6)); // heard from 1 s, held 5 s: entered
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("ZoneEntered");

        events = stayNear(SHOES, Duration.ofSeconds(29));
        assertThat(events).as("29 s in the zone").isEmpty();

        events = stayNear(SHOES, Duration.ofSeconds(1));
        assertThat(events).singleElement().isInstanceOfSatisfying(ZoneDwelled.class, dwell -> {
            assertThat(dwell.zone()).isEqualTo(StoreZoneId.of("shoes"));
            assertThat(dwell.dwell()).isEqualTo(Duration.ofSeconds(30));
            assertThat(offer(dwell)).containsExactly(new Action.CreateOffer("in-store-discount",
                    new DiscountSpec(DiscountSpec.Kind.PERCENT, BigDecimal.TEN, null, true, Duration.ofHours(4)),
                    clock.instant().plus(Duration.ofHours(4))));
        });
        // a dwell one second short of the mark, had the gateway been configured to report it, gets nothing
        assertThat(offer(new ZoneDwelled(STORE, StoreZoneId.of("shoes"), VisitId.of("visit-1"),
                DeviceId.of("ann-install-7"), Duration.ofSeconds(29), clock.instant())))
                .containsExactly(new Action.Complete());
    }

    @Test
    void thirtySecondsAtTheCheckoutDwellButGetNoOffer() {
        List<ProximityEvent> events = stayNear(CHECKOUT, Duration.ofSeconds(36));

        List<ZoneDwelled> dwells = events.stream().filter(ZoneDwelled.class::isInstance).map(ZoneDwelled.class::cast)
                .toList();
        assertThat(dwells).singleElement().satisfies(dwell -> {
            assertThat(dwell.zone()).isEqualTo(StoreZoneId.of("checkout"));
            assertThat(dwell.dwell()).isEqualTo(Duration.ofSeconds(30));
            assertThat(offer(dwell)).containsExactly(new Action.Complete());
        });
    }

    /** The phone about a metre from {@code beacon}, heard every second for {@code seconds}; the events caused. */
    private List<ProximityEvent> stayNear(BeaconKey beacon, Duration seconds) {
        List<ProximityEvent> events = new ArrayList<>();
        for (long s = 0; s < seconds.toSeconds(); s++) {
            clock.advance(Duration.ofSeconds(1));
            events.addAll(tracker.onEstimate(beacon, new RssiEstimate(-60, 1.1, 10, 0, clock.instant())));
        }
        return events;
    }

    /** What the built-in journey does first when {@code dwell} starts a run. */
    private List<Action> offer(ZoneDwelled dwell) {
        return new JourneyInterpreter().advance(IN_STORE_OFFER, RunState.start("run-1"),
                new Input.Start(dwell, clock.instant()), clock.instant(), ZoneOffset.UTC).actions();
    }
}
