package dev.beckon.gateway.pairing;

import dev.beckon.api.model.DeviceId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.gateway.StoreFixture;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.Sighting;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class UnpairedBeaconsTest {

    private static final ScannerRef TILL = new ScannerRef(StoreFixture.SHOP, StoreFixture.STORE, "till");
    private static final ScannerRef DOOR = new ScannerRef(StoreFixture.SHOP, StoreFixture.STORE, "door");
    private static final BeaconKey NEW_BEACON = BeaconKey.ibeacon(StoreFixture.STORE_UUID, 5, 1);
    private static final BeaconKey SHELF_BEACON = BeaconKey.ibeacon(StoreFixture.STORE_UUID, 5, 2);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final UnpairedBeacons unpaired = new UnpairedBeacons(ProposalSettings.defaults(), clock);

    @Test
    void theBeaconNextToTheScannerIsProposedWhenClearlyTheStrongest() {
        Instant first = clock.instant();
        for (int second = 0; second < 4; second++) {
            hear(TILL, NEW_BEACON, -59, -44 - second % 2);
            hear(TILL, SHELF_BEACON, null, -71);
            clock.advance(Duration.ofSeconds(1));
        }

        Proposal proposal = unpaired.propose(TILL, key -> false);

        assertThat(proposal).isInstanceOfSatisfying(Proposal.Proposed.class, proposed -> {
            HeardBeacon beacon = proposed.beacon();
            assertThat(beacon.key()).isEqualTo(NEW_BEACON);
            assertThat(beacon.kind()).isEqualTo("IBEACON");
            assertThat(beacon.rssi()).isEqualTo(-44.5);
            assertThat(beacon.strongestRssi()).isEqualTo(-44);
            assertThat(beacon.measuredPower()).isEqualTo(-59);
            assertThat(beacon.sightings()).isEqualTo(4);
            assertThat(beacon.firstSeen()).isEqualTo(first);
            assertThat(beacon.lastSeen()).isEqualTo(first.plusSeconds(3));
            assertThat(proposed.marginDb()).isEqualTo(26.5);
        });
        assertThat(proposal.heard()).extracting(HeardBeacon::key).containsExactly(NEW_BEACON, SHELF_BEACON);
        assertThat(proposal.heard().get(1).measuredPower()).isNull();
    }

    @Test
    void twoBeaconsOfSimilarStrengthProposeNoneAndSayWhy() {
        for (int second = 0; second < 4; second++) {
            hear(TILL, NEW_BEACON, -59, -60);
            hear(TILL, SHELF_BEACON, -59, -66);
            clock.advance(Duration.ofSeconds(1));
        }

        Proposal proposal = unpaired.propose(TILL, key -> false);

        assertThat(proposal).isInstanceOfSatisfying(Proposal.NoneProposed.class, none -> {
            assertThat(none.reason()).isEqualTo(Proposal.Reason.NOT_CLEARLY_STRONGEST);
            assertThat(none.explanation()).contains(NEW_BEACON.value()).contains("6.0 dB").contains("closer");
        });
        assertThat(proposal.heard()).extracting(HeardBeacon::key).containsExactly(NEW_BEACON, SHELF_BEACON);
    }

    @Test
    void aSingleStrongOutlierDoesNotMakeAFarBeaconTheProposal() {
        for (int second = 0; second < 5; second++) {
            hear(TILL, NEW_BEACON, -59, -45);
            hear(TILL, SHELF_BEACON, -59, second == 2 ? -30 : -75);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(unpaired.propose(TILL, key -> false)).isInstanceOfSatisfying(Proposal.Proposed.class,
                proposed -> assertThat(proposed.beacon().key()).isEqualTo(NEW_BEACON));
    }

    @Test
    void aBeaconHeardOnlyOnceIsNotYetProposed() {
        hear(TILL, NEW_BEACON, -59, -45);

        assertThat(unpaired.propose(TILL, key -> false)).isInstanceOfSatisfying(Proposal.NoneProposed.class,
                none -> assertThat(none.reason()).isEqualTo(Proposal.Reason.TOO_FEW_SIGHTINGS));
    }

    @Test
    void whatAnotherScannerHearsIsNotProposedHere() {
        for (int second = 0; second < 4; second++) {
            hear(DOOR, NEW_BEACON, -59, -45);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(unpaired.propose(TILL, key -> false)).isInstanceOfSatisfying(Proposal.NoneProposed.class,
                none -> assertThat(none.reason()).isEqualTo(Proposal.Reason.NOTHING_HEARD));
        assertThat(unpaired.propose(DOOR, key -> false)).isInstanceOf(Proposal.Proposed.class);
    }

    @Test
    void aBeaconPairedInTheShopIsLeftOutAndTheNextOneProposed() {
        for (int second = 0; second < 4; second++) {
            hear(TILL, NEW_BEACON, -59, -45);
            hear(TILL, SHELF_BEACON, -59, -48);
            clock.advance(Duration.ofSeconds(1));
        }

        Proposal proposal = unpaired.propose(TILL, Set.of(NEW_BEACON)::contains);

        assertThat(proposal).isInstanceOfSatisfying(Proposal.Proposed.class, proposed -> {
            assertThat(proposed.beacon().key()).isEqualTo(SHELF_BEACON);
            assertThat(proposed.marginDb()).isInfinite();
        });
        assertThat(proposal.heard()).extracting(HeardBeacon::key).containsExactly(SHELF_BEACON);
    }

    @Test
    void aBeaconNoLongerHeardIsNotProposedAndIsForgottenAfterTwoMinutes() {
        for (int second = 0; second < 4; second++) {
            hear(TILL, NEW_BEACON, -59, -45);
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofSeconds(10));

        assertThat(unpaired.propose(TILL, key -> false)).isInstanceOfSatisfying(Proposal.NoneProposed.class,
                none -> {
                    assertThat(none.reason()).isEqualTo(Proposal.Reason.NOT_RECENT);
                    assertThat(none.heard()).extracting(HeardBeacon::key).containsExactly(NEW_BEACON);
                });

        clock.advance(Duration.ofSeconds(109)); // two minutes after it was last heard
        unpaired.forgetExpired();
        assertThat(unpaired.remembered()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        unpaired.forgetExpired();
        assertThat(unpaired.remembered()).isZero();
        assertThat(unpaired.propose(TILL, key -> false)).isInstanceOfSatisfying(Proposal.NoneProposed.class,
                none -> assertThat(none.reason()).isEqualTo(Proposal.Reason.NOTHING_HEARD));
    }

    @Test
    void aStaleStrongBeaconDoesNotBlockTheOneHeardNow() {
        for (int second = 0; second < 4; second++) {
            hear(TILL, SHELF_BEACON, -59, -40);
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofSeconds(30));
        for (int second = 0; second < 4; second++) {
            hear(TILL, NEW_BEACON, -59, -50);
            clock.advance(Duration.ofSeconds(1));
        }

        Proposal proposal = unpaired.propose(TILL, key -> false);

        assertThat(proposal).isInstanceOfSatisfying(Proposal.Proposed.class,
                proposed -> assertThat(proposed.beacon().key()).isEqualTo(NEW_BEACON));
        assertThat(proposal.heard()).extracting(HeardBeacon::recent).containsExactly(true, false);
    }

    @Test
    void aStreetFullOfPhonesIsBoundedPerStoreEvictingTheStalest() {
        hear(TILL, NEW_BEACON, -59, -45);
        for (int phone = 0; phone < 1000; phone++) {
            hear(DOOR, BeaconKey.ibeacon(StoreFixture.STORE_UUID, 9, phone), -59, -80);
            if (phone % 100 == 0) {
                hear(TILL, NEW_BEACON, -59, -45);
            }
        }

        assertThat(unpaired.remembered()).isEqualTo(256);
        assertThat(unpaired.propose(TILL, key -> false).heard()).extracting(HeardBeacon::key)
                .containsExactly(NEW_BEACON);
        assertThat(unpaired.propose(DOOR, key -> false).heard()).hasSize(255)
                .extracting(HeardBeacon::key).contains(BeaconKey.ibeacon(StoreFixture.STORE_UUID, 9, 999))
                .doesNotContain(BeaconKey.ibeacon(StoreFixture.STORE_UUID, 9, 0));
    }

    @Test
    void onlyBeaconsPairedByKeyAreRememberedAndSpoofSuspectsAreForgotten() {
        hear(TILL, BeaconKey.eddystoneEid("0011223344556677"), null, -45);
        hear(TILL, BeaconKey.scanner("door"), null, -45);
        unpaired.heard(new Sighting(TILL, DeviceId.of("c4:7c:8d:6a:2e:11"), null, null, -45, clock.instant()));
        assertThat(unpaired.remembered()).isZero();

        hear(TILL, NEW_BEACON, -59, -45);
        hear(TILL, BeaconKey.eddystoneUid("00112233445566778899", "aabbccddeeff"), null, -70);
        unpaired.suspect(StoreFixture.SHOP, NEW_BEACON);

        assertThat(unpaired.propose(TILL, key -> false).heard()).extracting(HeardBeacon::kind)
                .containsExactly("EDDYSTONE_UID");
    }

    private void hear(ScannerRef scanner, BeaconKey beacon, Integer measuredPower, double rssi) {
        unpaired.heard(new Sighting(scanner, DeviceId.of(beacon.value()), beacon, measuredPower, rssi,
                clock.instant()));
    }
}
