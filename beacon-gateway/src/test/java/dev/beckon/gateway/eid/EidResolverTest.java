package dev.beckon.gateway.eid;

import dev.beckon.api.testing.MutableClock;
import dev.beckon.gateway.StoreFixture;
import dev.beckon.gateway.decode.BeaconKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EidResolverTest {

    /** The beacon's counter was zero at this instant (it was registered then with counter 0). */
    private static final Instant REGISTERED = Instant.parse("2026-11-23T10:00:00Z");
    private static final BeaconKey WINDOW_0 = BeaconKey.eddystoneEid("a9b76a71c5f89290");
    private static final BeaconKey WINDOW_1 = BeaconKey.eddystoneEid("4144413e45fefa58");

    private final MutableClock clock = new MutableClock(REGISTERED.plusSeconds(100));
    private final EidIdentity identity = EidIdentity.registeredAt("0102030405060708090a111213141516", 10, 0,
            REGISTERED);
    private final EidBeacon beacon = new EidBeacon(StoreFixture.SHOP, StoreFixture.STORE, identity);
    private final EidResolver resolver = new EidResolver(List.of(beacon), EidSettings.defaults(), clock);

    @Test
    void theCurrentAndTheNeighbouringWindowResolveToTheStableKey() {
        assertThat(resolver.resolve(WINDOW_0)).isEqualTo(new EidResolution.Resolved(beacon));
        assertThat(resolver.resolve(WINDOW_1)).as("a beacon whose clock runs a little fast")
                .isEqualTo(new EidResolution.Resolved(beacon));
        assertThat(((EidResolution.Resolved) resolver.resolve(WINDOW_0)).key()).isEqualTo(identity.beaconKey());
    }

    @Test
    void aFrameReplayedFromAnOlderWindowIsStale() {
        clock.advance(Duration.ofSeconds(5 * 1024));

        assertThat(resolver.resolve(WINDOW_0)).isEqualTo(new EidResolution.Stale(beacon));
        assertThat(resolver.resolve(WINDOW_1)).isEqualTo(new EidResolution.Stale(beacon));
        String current = EidComputation.ephemeralIdHex(identity.identityKey(), 10, 5 * 1024 + 100);
        assertThat(resolver.resolve(BeaconKey.eddystoneEid(current))).isEqualTo(new EidResolution.Resolved(beacon));
    }

    @Test
    void aFrameFromLongAgoIsForgottenAndTheTableStaysBounded() {
        for (int window = 0; window < 100; window++) {
            clock.advance(Duration.ofSeconds(1024));
            resolver.resolve(WINDOW_0);
        }

        assertThat(resolver.resolve(WINDOW_0)).isEqualTo(EidResolution.UNKNOWN);
        assertThat(resolver.tableSize()).as("current, one each side, and the stale windows")
                .isEqualTo(1 + 2 + EidSettings.defaults().staleWindows());
    }

    @Test
    void idsNobodyRegisteredAndOtherKindsOfKeyAreUnknown() {
        assertThat(resolver.resolve(BeaconKey.eddystoneEid("0011223344556677"))).isEqualTo(EidResolution.UNKNOWN);
        assertThat(resolver.resolve(StoreFixture.SHOES_BEACON)).isEqualTo(EidResolution.UNKNOWN);
    }

    @Test
    void aSmallRotationExponentAcceptsEnoughWindowsForTheClockTolerance() {
        clock.advance(Duration.ofSeconds(1000));
        EidIdentity fast = EidIdentity.registeredAt("0102030405060708090a111213141516", 2, 0, REGISTERED);
        EidResolver resolver = new EidResolver(List.of(new EidBeacon(StoreFixture.SHOP, StoreFixture.STORE, fast)),
                EidSettings.defaults(), clock);
        long now = clock.instant().getEpochSecond() - REGISTERED.getEpochSecond();
        String fortySecondsBehind = EidComputation.ephemeralIdHex(fast.identityKey(), 2, now - 40);
        String twoMinutesBehind = EidComputation.ephemeralIdHex(fast.identityKey(), 2, now - 120);
        String fiveMinutesBehind = EidComputation.ephemeralIdHex(fast.identityKey(), 2, now - 300);

        assertThat(resolver.resolve(BeaconKey.eddystoneEid(fortySecondsBehind)))
                .isInstanceOf(EidResolution.Resolved.class);
        assertThat(resolver.resolve(BeaconKey.eddystoneEid(twoMinutesBehind)))
                .as("15 windows of 4 s cover the 60 s tolerance; the 16 before them are stale")
                .isInstanceOf(EidResolution.Stale.class);
        assertThat(resolver.resolve(BeaconKey.eddystoneEid(fiveMinutesBehind))).isEqualTo(EidResolution.UNKNOWN);
    }
}
