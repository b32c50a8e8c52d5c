package dev.beckon.gateway.pipeline;

import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.gateway.Drops;
import dev.beckon.gateway.StoreFixture;
import dev.beckon.gateway.acl.TopicAcl;
import dev.beckon.gateway.decode.AdvertisementDecoder;
import dev.beckon.gateway.decode.DecodeFailure;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.eid.EidBeacon;
import dev.beckon.gateway.eid.EidIdentity;
import dev.beckon.gateway.ingest.BeckonTopicParser;
import dev.beckon.gateway.ingest.IngestLimits;
import dev.beckon.gateway.ingest.ParseResult;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;
import dev.beckon.gateway.ingest.Sighting;
import dev.beckon.gateway.pairing.Calibration;
import dev.beckon.gateway.pairing.PairedBeacon;
import dev.beckon.gateway.pairing.PairingSnapshot;
import dev.beckon.gateway.pairing.RegisteredScanner;
import dev.beckon.gateway.pairing.ZoneDefinition;
import dev.beckon.gateway.zones.EventText;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.beckon.gateway.StoreFixture.SHOP;
import static dev.beckon.gateway.StoreFixture.STORE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline against clones and forgeries: an Eddystone-EID beacon resolved by its identity key (a replayed
 * frame is stale), a phone reported in two stores at once, and a walk faster than a person.
 */
class SpoofingPipelineTest {

    /** The EID beacon's counter was zero here; the vectors of {@code EidComputationTest} apply from then on. */
    private static final Instant REGISTERED = Instant.parse("2026-11-23T10:00:00Z");
    private static final EidIdentity EID = EidIdentity.registeredAt("0102030405060708090a111213141516", 10, 0,
            REGISTERED);
    private static final StoreZoneId DOOR = StoreZoneId.of("door");
    private static final StoreZoneId CAFE = StoreZoneId.of("cafe");
    private static final StoreZoneId SHELF = StoreZoneId.of("shelf");
    private static final BeaconKey DOOR_BEACON = BeaconKey.ibeacon(StoreFixture.STORE_UUID, 2, 1);
    private static final BeaconKey CAFE_BEACON = BeaconKey.ibeacon(StoreFixture.STORE_UUID, 2, 2);
    private static final BeaconKey HAMBURG_BEACON = BeaconKey.ibeacon(StoreFixture.STORE_UUID, 3, 1);
    private static final StoreId HAMBURG = StoreId.of("hamburg");
    private static final ScannerRef APP = new ScannerRef(SHOP, STORE, "app");
    private static final ScannerRef HAMBURG_APP = new ScannerRef(SHOP, HAMBURG, "app");
    private static final DeviceId PHONE = DeviceId.of("install-42");

    private final MutableClock clock = new MutableClock(REGISTERED.plusSeconds(100));
    private final RecordingSink sink = new RecordingSink();
    private final AtomicInteger visits = new AtomicInteger();
    private final PairingSnapshot snapshot = snapshot();
    private final SightingPipeline pipeline = new SightingPipeline(() -> snapshot, PipelineSettings.defaults(),
            clock, () -> VisitId.of("visit-" + visits.incrementAndGet()), sink);

    /** Berlin: door at (0, 0) and cafe 100 m away, each with an iBeacon; a shelf marked by the EID beacon. Hamburg. */
    private static PairingSnapshot snapshot() {
        return PairingSnapshot.builder().store(SHOP, STORE).store(SHOP, HAMBURG)
                .zone(new ZoneDefinition(SHOP, STORE, DOOR, 3, 6).at(0, 0))
                .zone(new ZoneDefinition(SHOP, STORE, CAFE, 3, 6).at(100, 0))
                .zone(new ZoneDefinition(SHOP, STORE, SHELF, 3, 6))
                .zone(new ZoneDefinition(SHOP, HAMBURG, DOOR, 3, 6))
                .beacon(new PairedBeacon(SHOP, STORE, DOOR_BEACON, DOOR, Calibration.DEFAULT))
                .beacon(new PairedBeacon(SHOP, STORE, CAFE_BEACON, CAFE, Calibration.DEFAULT))
                .beacon(new PairedBeacon(SHOP, STORE, EID.beaconKey(), SHELF, Calibration.DEFAULT))
                .eidBeacon(new EidBeacon(SHOP, STORE, EID))
                .beacon(new PairedBeacon(SHOP, HAMBURG, HAMBURG_BEACON, DOOR, Calibration.DEFAULT))
                .scanner(new RegisteredScanner(APP, ScannerSource.BECKON, null, null, Calibration.DEFAULT))
                .scanner(new RegisteredScanner(HAMBURG_APP, ScannerSource.BECKON, null, null, Calibration.DEFAULT))
                .build();
    }

    @Test
    void theStoreAppHearingTheCurrentEidFrameEntersTheZoneOfThePairedBeacon() {
        hear(APP, BeaconKey.eddystoneEid("a9b76a71c5f89290"), 8);

        assertThat(EventText.of(sink.events())).containsExactly("visit started", "entered shelf");
        assertThat(pipeline.drops().countOf(PipelineDrop.UNPAIRED_BEACON)).isZero();
    }

    @Test
    void anEidFrameInAStoreAppBatchIsDecodedResolvedAndEntersItsZone() {
        BeckonTopicParser parser = new BeckonTopicParser(snapshot, new AdvertisementDecoder(
                new Drops<>(DecodeFailure.class)), clock, IngestLimits.defaults());
        for (int second = 0; second < 8; second++) {
            String batch = "{\"v\":1,\"installId\":\"install-42\",\"sightings\":[{\"ts\":"
                    + clock.instant().toEpochMilli() + ",\"rssi\":-60,\"eddystone\":\"30e2a9b76a71c5f89290\"}]}";
            ParseResult result = parser.parse(TopicAcl.sightingTopic(APP), batch.getBytes(StandardCharsets.UTF_8));
            assertThat(result).isInstanceOf(ParseResult.Parsed.class);
            ((ParseResult.Parsed) result).sightings().forEach(pipeline::accept);
            pipeline.tick();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(EventText.of(sink.events())).containsExactly("visit started", "entered shelf");
        assertThat(sink.events()).allSatisfy(event -> assertThat(event.device()).isEqualTo(PHONE));
    }

    @Test
    void aClonedEidFrameReplayedWindowsLaterIsStaleAndNotActedOn() {
        clock.advance(Duration.ofSeconds(5 * 1024));

        hear(APP, BeaconKey.eddystoneEid("a9b76a71c5f89290"), 8);

        assertThat(sink.events()).isEmpty();
        assertThat(pipeline.drops().countOf(PipelineDrop.STALE_EID)).isEqualTo(8);
    }

    @Test
    void anEidNobodyRegisteredIsAnUnpairedBeacon() {
        hear(APP, BeaconKey.eddystoneEid("0011223344556677"), 3);

        assertThat(pipeline.drops().countOf(PipelineDrop.UNPAIRED_BEACON)).isEqualTo(3);
    }

    @Test
    void aPhoneReportedInTwoStoresAtOnceIsFlaggedAndItsSightingsAreNotActedOn() {
        for (int second = 0; second < 8; second++) {
            pipeline.accept(new Sighting(APP, PHONE, DOOR_BEACON, -59, -60, clock.instant()));
            pipeline.accept(new Sighting(HAMBURG_APP, PHONE, HAMBURG_BEACON, -59, -60, clock.instant()));
            pipeline.tick();
            clock.advance(Duration.ofSeconds(1));
        }

        for (int second = 0; second < 150; second++) {
            pipeline.tick();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(EventText.of(sink.events())).as("the first Berlin sighting opened a visit, nothing was entered")
                .containsExactly("visit started", "visit ended");
        assertThat(pipeline.drops().countOf(PipelineDrop.BEACON_IN_TWO_STORES)).as("15 sightings, the held-back enter and exit")
                .isEqualTo(17);
    }

    @Test
    void aPhoneJumpingAcrossTheStoreFasterThanAWalkerEntersNothingThere() {
        hear(APP, DOOR_BEACON, 10);
        for (int second = 0; second < 40; second++) {
            pipeline.accept(new Sighting(APP, PHONE, CAFE_BEACON, -59, -55, clock.instant()));
            pipeline.accept(new Sighting(APP, PHONE, DOOR_BEACON, -59, -95, clock.instant()));
            pipeline.tick();
            clock.advance(Duration.ofSeconds(1));
        }
        for (int second = 0; second < 150; second++) {
            pipeline.tick();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(EventText.of(sink.events())).containsExactly("visit started", "entered door", "exited door",
                "visit ended");
        assertThat(pipeline.drops().countOf(PipelineDrop.IMPLAUSIBLE_SPEED)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aWalkAtWalkingPaceBetweenPlacedZonesIsActedOn() {
        hear(APP, DOOR_BEACON, 10);
        clock.advance(Duration.ofSeconds(60));
        hear(APP, CAFE_BEACON, 12);

        assertThat(EventText.of(sink.events())).containsSubsequence("entered door", "entered cafe");
        assertThat(pipeline.drops().countOf(PipelineDrop.IMPLAUSIBLE_SPEED)).isZero();
    }

    private void hear(ScannerRef scanner, BeaconKey beacon, int seconds) {
        for (int second = 0; second < seconds; second++) {
            pipeline.accept(new Sighting(scanner, PHONE, beacon, -59, -60, clock.instant()));
            pipeline.tick();
            clock.advance(Duration.ofSeconds(1));
        }
    }

}
