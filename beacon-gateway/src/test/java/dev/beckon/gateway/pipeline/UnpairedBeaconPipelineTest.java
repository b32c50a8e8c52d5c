package dev.beckon.gateway.pipeline;

import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.gateway.Drops;
import dev.beckon.gateway.acl.TopicAcl;
import dev.beckon.gateway.decode.AdvertisementDecoder;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.decode.DecodeFailure;
import dev.beckon.gateway.ingest.BeckonTopicParser;
import dev.beckon.gateway.ingest.IngestLimits;
import dev.beckon.gateway.ingest.ParseResult;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;
import dev.beckon.gateway.ingest.Sighting;
import dev.beckon.gateway.pairing.Calibration;
import dev.beckon.gateway.pairing.HeardBeacon;
import dev.beckon.gateway.pairing.PairedBeacon;
import dev.beckon.gateway.pairing.PairingSnapshot;
import dev.beckon.gateway.pairing.Proposal;
import dev.beckon.gateway.pairing.RegisteredScanner;
import dev.beckon.gateway.pairing.ZoneDefinition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.beckon.gateway.StoreFixture.SHOP;
import static dev.beckon.gateway.StoreFixture.STORE;
import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline's unknown-beacon path feeding pairing by proximity. */
class UnpairedBeaconPipelineTest {

    private static final StoreZoneId DOOR = StoreZoneId.of("door");
    private static final StoreId HAMBURG = StoreId.of("hamburg");
    private static final StoreId POTSDAM = StoreId.of("potsdam");
    private static final BeaconKey DOOR_BEACON = BeaconKey.ibeacon(UUID.fromString(
            "2f234454-cf6d-4a0f-adf2-f4911ba9ffa6"), 2, 1);
    private static final BeaconKey HAMBURG_BEACON = BeaconKey.ibeacon(UUID.fromString(
            "2f234454-cf6d-4a0f-adf2-f4911ba9ffa6"), 3, 1);
    private static final BeaconKey UNKNOWN = BeaconKey.ibeacon(UUID.fromString(
            "2f234454-cf6d-4a0f-adf2-f4911ba9ffa6"), 4, 1);
    private static final ScannerRef APP = new ScannerRef(SHOP, STORE, "app");
    private static final ScannerRef TILL = new ScannerRef(SHOP, STORE, "till");
    private static final ScannerRef HAMBURG_APP = new ScannerRef(SHOP, HAMBURG, "app");
    private static final ScannerRef POTSDAM_APP = new ScannerRef(SHOP, POTSDAM, "tablet");
    /** Real frames (BlueCharm, RDL52832, a Tilt hydrometer) from the shared fixtures. */
    private static final String BLUECHARM = "4c000215426c7565436861726d426561636f6e730efe1355c5";
    private static final String RDL52832 = "4c000215fda50693a4e24fb1afcfc6eb07647825270f270fd8";
    private static final String TILT = "4c000215a495bb10c5b14b44b5121370f02d74de004403f8c5";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final RecordingSink sink = new RecordingSink();
    private final AtomicInteger visits = new AtomicInteger();
    private final PairingSnapshot snapshot = PairingSnapshot.builder()
            .store(SHOP, STORE).store(SHOP, HAMBURG).store(SHOP, POTSDAM)
            .zone(new ZoneDefinition(SHOP, STORE, DOOR, 3, 6))
            .zone(new ZoneDefinition(SHOP, HAMBURG, DOOR, 3, 6))
            .zone(new ZoneDefinition(SHOP, POTSDAM, DOOR, 3, 6))
            .beacon(new PairedBeacon(SHOP, STORE, DOOR_BEACON, DOOR, Calibration.DEFAULT))
            .beacon(new PairedBeacon(SHOP, HAMBURG, HAMBURG_BEACON, DOOR, Calibration.DEFAULT))
            .scanner(new RegisteredScanner(APP, ScannerSource.BECKON, null, null, Calibration.DEFAULT))
            .scanner(new RegisteredScanner(TILL, ScannerSource.BECKON, null, DOOR, Calibration.DEFAULT))
            .scanner(new RegisteredScanner(HAMBURG_APP, ScannerSource.BECKON, null, null, Calibration.DEFAULT))
            .scanner(new RegisteredScanner(POTSDAM_APP, ScannerSource.BECKON, null, null, Calibration.DEFAULT))
            .build();
    private final SightingPipeline pipeline = new SightingPipeline(() -> snapshot, PipelineSettings.defaults(),
            clock, () -> VisitId.of("visit-" + visits.incrementAndGet()), sink);

    @Test
    void aBeaconPutNextToTheTabletOfAStoreWithoutMarkersIsProposedButNotTheSensorBesideIt() {
        BeckonTopicParser parser = new BeckonTopicParser(snapshot, new AdvertisementDecoder(
                new Drops<>(DecodeFailure.class)), clock, IngestLimits.defaults());
        for (int second = 0; second < 4; second++) {
            long ts = clock.instant().toEpochMilli();
            String batch = "{\"v\":1,\"sightings\":["
                    + "{\"ts\":" + ts + ",\"rssi\":-46,\"mfg\":\"" + BLUECHARM + "\"},"
                    + "{\"ts\":" + ts + ",\"rssi\":-74,\"mfg\":\"" + RDL52832 + "\"},"
                    + "{\"ts\":" + ts + ",\"rssi\":-38,\"mfg\":\"" + TILT + "\"}]}";
            ParseResult result = parser.parse(TopicAcl.sightingTopic(POTSDAM_APP),
                    batch.getBytes(StandardCharsets.UTF_8));
            assertThat(result).isInstanceOf(ParseResult.Parsed.class);
            ((ParseResult.Parsed) result).sightings().forEach(pipeline::accept);
            pipeline.tick();
            clock.advance(Duration.ofSeconds(1));
        }

        Proposal proposal = pipeline.unpairedBeacons().propose(POTSDAM_APP, key -> snapshot.pairedInShop(SHOP, key));

        assertThat(proposal).isInstanceOfSatisfying(Proposal.Proposed.class, proposed -> {
            assertThat(proposed.beacon().key().value())
                    .isEqualTo("ibeacon:426c7565-4368-6172-6d42-6561636f6e73:3838:4949");
            assertThat(proposed.beacon().measuredPower()).isEqualTo(-59);
            assertThat(proposed.marginDb()).isEqualTo(28);
        });
        assertThat(proposal.heard()).extracting(beacon -> beacon.key().value()).containsExactly(
                "ibeacon:426c7565-4368-6172-6d42-6561636f6e73:3838:4949",
                "ibeacon:fda50693-a4e2-4fb1-afcf-c6eb07647825:9999:9999");
        assertThat(pipeline.drops().countOf(PipelineDrop.NO_ZONES)).isEqualTo(12);
    }

    @Test
    void beaconsPairedInAnyStoreOfTheShopAreNotRememberedWhileUnknownOnesAreFromBothKindsOfScanner() {
        for (int second = 0; second < 4; second++) {
            pipeline.accept(new Sighting(APP, DeviceId.of("staff-tablet"), DOOR_BEACON, -59, -50, clock.instant()));
            pipeline.accept(new Sighting(APP, DeviceId.of("staff-tablet"), HAMBURG_BEACON, -59, -50,
                    clock.instant()));
            pipeline.accept(new Sighting(APP, DeviceId.of("staff-tablet"), UNKNOWN, -59, -50, clock.instant()));
            pipeline.accept(new Sighting(TILL, DeviceId.of(UNKNOWN.value()), UNKNOWN, -59, -45, clock.instant()));
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(pipeline.unpairedBeacons().propose(APP, key -> false).heard()).extracting(HeardBeacon::key)
                .containsExactly(UNKNOWN);
        assertThat(pipeline.unpairedBeacons().propose(TILL, key -> false))
                .isInstanceOfSatisfying(Proposal.Proposed.class,
                        proposed -> assertThat(proposed.beacon().rssi()).isEqualTo(-45));
        assertThat(pipeline.drops().countOf(PipelineDrop.UNPAIRED_BEACON)).isEqualTo(8);
        assertThat(pipeline.trackedPairs()).as("the tablet at the door beacon, and what the till hears as a device")
                .isEqualTo(2);
    }

    @Test
    void aBeaconHeardInTwoStoresAtOnceIsASpoofSuspectAndNotProposed() {
        for (int second = 0; second < 4; second++) {
            pipeline.accept(new Sighting(APP, DeviceId.of("staff-tablet"), UNKNOWN, -59, -45, clock.instant()));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(pipeline.unpairedBeacons().propose(APP, key -> false)).isInstanceOf(Proposal.Proposed.class);

        pipeline.accept(new Sighting(HAMBURG_APP, DeviceId.of("hamburg-tablet"), UNKNOWN, -59, -45,
                clock.instant()));
        pipeline.accept(new Sighting(APP, DeviceId.of("staff-tablet"), UNKNOWN, -59, -45, clock.instant()));

        assertThat(pipeline.drops().countOf(PipelineDrop.BEACON_IN_TWO_STORES)).isEqualTo(2);
        assertThat(pipeline.unpairedBeacons().propose(APP, key -> false).heard()).isEmpty();
        assertThat(pipeline.unpairedBeacons().propose(HAMBURG_APP, key -> false).heard()).isEmpty();
    }
}
