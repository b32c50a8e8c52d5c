package dev.beckon.gateway.plausibility;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.event.VisitEnded;
import dev.beckon.api.event.VisitStarted;
import dev.beckon.api.event.ZoneDwelled;
import dev.beckon.api.event.ZoneEntered;
import dev.beckon.api.event.ZoneExited;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

class SpeedCheckTest {

    private static final StoreId STORE = StoreId.of("berlin");
    private static final StoreZoneId DOOR = StoreZoneId.of("door");
    private static final StoreZoneId SHOES = StoreZoneId.of("shoes");
    private static final StoreZoneId CAFE = StoreZoneId.of("cafe");
    private static final StoreZoneId UNPLACED = StoreZoneId.of("popup");
    private static final VisitId VISIT = VisitId.of("visit-1");
    private static final DeviceId PHONE = DeviceId.of("install-42");
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    /** door at (0, 0), shoes 10 m away at (6, 8), cafe 60 m away at (60, 0); the popup has no position. */
    private static final Map<StoreZoneId, double[]> POSITIONS = Map.of(DOOR, new double[] {0, 0},
            SHOES, new double[] {6, 8}, CAFE, new double[] {60, 0});
    private static final BiFunction<StoreZoneId, StoreZoneId, Optional<Double>> DISTANCE = (a, b) ->
            POSITIONS.containsKey(a) && POSITIONS.containsKey(b)
                    ? Optional.of(Math.hypot(POSITIONS.get(a)[0] - POSITIONS.get(b)[0],
                    POSITIONS.get(a)[1] - POSITIONS.get(b)[1])) : Optional.empty();

    private final SpeedCheck check = new SpeedCheck(PlausibilitySettings.defaults());

    @Test
    void aWalkFromTheDoorToTheShoesAtWalkingPaceIsAdmitted() {
        assertThat(admit(new VisitStarted(STORE, VISIT, PHONE, T0))).isTrue();
        assertThat(admit(entered(DOOR, 0))).isTrue();
        assertThat(admit(exited(DOOR, 4))).isTrue();
        assertThat(admit(entered(SHOES, 8))).as("10 m in 8 s is 1.25 m/s").isTrue();
        assertThat(check.isFlagged(VISIT)).isFalse();
    }

    @Test
    void aJumpAcrossTheStoreFasterThanAWalkerHoldsTheVisitBack() {
        admit(new VisitStarted(STORE, VISIT, PHONE, T0));
        admit(entered(DOOR, 0));
        admit(exited(DOOR, 10));

        assertThat(admit(entered(CAFE, 10))).as("60 m in 10 s is 6 m/s").isFalse();
        assertThat(admit(new ZoneDwelled(STORE, CAFE, VISIT, PHONE, Duration.ofSeconds(30), T0.plusSeconds(40))))
                .isFalse();
        assertThat(admit(exited(CAFE, 60))).isFalse();
        assertThat(admit(entered(SHOES, 200))).as("the whole visit stays flagged").isFalse();
        assertThat(check.isFlagged(VISIT)).isTrue();
        assertThat(admit(new VisitEnded(STORE, VISIT, PHONE, T0, T0.plusSeconds(400))))
                .as("the visit still closes").isTrue();
        assertThat(check.remembered()).isZero();
    }

    @Test
    void aDwellMarkConfirmsWhereTheDeviceWasLast() {
        admit(new VisitStarted(STORE, VISIT, PHONE, T0));
        admit(entered(DOOR, 0));
        admit(new ZoneDwelled(STORE, DOOR, VISIT, PHONE, Duration.ofSeconds(120), T0.plusSeconds(120)));

        assertThat(admit(entered(CAFE, 130))).as("60 m in 10 s after the last confirmation at the door").isFalse();
    }

    @Test
    void aLongStayMakesALongWalkPlausible() {
        admit(new VisitStarted(STORE, VISIT, PHONE, T0));
        admit(entered(DOOR, 0));

        assertThat(admit(entered(CAFE, 30))).as("60 m in 30 s is 2 m/s").isTrue();
    }

    @Test
    void zonesWithoutAPositionAreNeverCompared() {
        admit(new VisitStarted(STORE, VISIT, PHONE, T0));
        admit(entered(DOOR, 0));

        assertThat(admit(entered(UNPLACED, 1))).isTrue();
    }

    private boolean admit(ProximityEvent event) {
        return check.admit(event, DISTANCE);
    }

    private static ZoneEntered entered(StoreZoneId zone, long second) {
        return new ZoneEntered(STORE, zone, VISIT, PHONE, T0.plusSeconds(second));
    }

    private static ZoneExited exited(StoreZoneId zone, long second) {
        return new ZoneExited(STORE, zone, VISIT, PHONE, T0.plusSeconds(second));
    }
}
