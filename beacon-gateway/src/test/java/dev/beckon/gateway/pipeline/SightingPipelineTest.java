package dev.beckon.gateway.pipeline;

import dev.beckon.api.testing.MutableClock;
import dev.beckon.api.event.VisitStarted;
import dev.beckon.api.event.ZoneEntered;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.VisitId;
import dev.beckon.gateway.EspresenseWalk;
import dev.beckon.gateway.StoreFixture;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.ingest.EspresenseParser;
import dev.beckon.gateway.ingest.IngestLimits;
import dev.beckon.gateway.ingest.ParseResult;
import dev.beckon.gateway.ingest.Sighting;
import dev.beckon.gateway.pairing.PairingSnapshot;
import dev.beckon.gateway.zones.EventText;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SightingPipelineTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final RecordingSink sink = new RecordingSink();
    private final AtomicInteger visits = new AtomicInteger();
    private final PairingSnapshot snapshot = StoreFixture.snapshot();
    private final SightingPipeline pipeline = new SightingPipeline(() -> snapshot, PipelineSettings.defaults(),
            clock, () -> VisitId.of("visit-" + visits.incrementAndGet()), sink);

    @Test
    void anEspresenseWalkPastThreeZonesEntersAndExitsEachInOrder() {
        EspresenseParser parser = new EspresenseParser(snapshot, clock, IngestLimits.defaults());
        for (var second : EspresenseWalk.seconds()) {
            for (var message : second) {
                ParseResult result = parser.parse(message.topic(), message.payload());
                assertThat(result).isInstanceOf(ParseResult.Parsed.class);
                ((ParseResult.Parsed) result).sightings().forEach(pipeline::accept);
            }
            pipeline.tick();
            clock.advance(Duration.ofSeconds(1));
        }
        silence(Duration.ofSeconds(150));

        assertThat(EventText.of(sink.events())).containsExactlyElementsOf(EspresenseWalk.EXPECTED);
        assertThat(sink.shops()).containsOnly(StoreFixture.SHOP);
        assertThat(sink.events()).allSatisfy(event -> {
            assertThat(event.device()).isEqualTo(DeviceId.of(EspresenseWalk.PHONE));
            assertThat(event.visit()).isEqualTo(VisitId.of("visit-1"));
        });
        assertThat(pipeline.trackedPairs()).isZero();
    }

    @Test
    void theStoreAppHearingPairedBeaconsEntersTheirZone() {
        DeviceId install = DeviceId.of("install-42");
        for (int second = 0; second < 8; second++) {
            pipeline.accept(new Sighting(StoreFixture.APP, install, StoreFixture.SHOES_BEACON, -59, -62,
                    clock.instant()));
            pipeline.tick();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(EventText.of(sink.events())).containsExactly("visit started", "entered shoes");
        assertThat(sink.events().get(1)).isInstanceOfSatisfying(ZoneEntered.class, entered -> {
            assertThat(entered.zone()).isEqualTo(StoreFixture.SHOES);
            assertThat(entered.device()).isEqualTo(install);
        });
        assertThat(sink.events().get(0)).isInstanceOfSatisfying(VisitStarted.class, started -> {
            assertThat(started.visit()).isEqualTo(sink.events().get(1).visit());
            assertThat(started.device()).isEqualTo(install);
            assertThat(started.at()).isEqualTo(sink.events().get(1).occurredAt());
        });
    }

    @Test
    void beaconsNotPairedWithTheStoreAreCountedAsUnknownAndTrackNothing() {
        BeaconKey neighbours = BeaconKey.ibeacon(UUID.randomUUID(), 9, 9);
        for (int second = 0; second < 10; second++) {
            pipeline.accept(new Sighting(StoreFixture.APP, DeviceId.of("install-1"), neighbours, null, -60,
                    clock.instant()));
            pipeline.accept(new Sighting(StoreFixture.APP, DeviceId.of("install-1"), null, null, -60,
                    clock.instant()));
            pipeline.tick();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(pipeline.drops().countOf(PipelineDrop.UNPAIRED_BEACON)).isEqualTo(20);
        assertThat(pipeline.trackedPairs()).isZero();
        assertThat(sink.events()).isEmpty();
    }

    @Test
    void aFixedScannerHearingTheStoresOwnBeaconIsNotAShopper() {
        pipeline.accept(new Sighting(StoreFixture.ESP_SHOES, DeviceId.of(StoreFixture.ENTRANCE_BEACON.value()),
                StoreFixture.ENTRANCE_BEACON, null, -70, clock.instant()));

        assertThat(pipeline.drops().countOf(PipelineDrop.NOT_A_SHOPPER)).isEqualTo(1);
        assertThat(pipeline.trackedPairs()).isZero();
    }

    @Test
    void aStoreMissingFromTheRegistryIsCounted() {
        PairingSnapshot empty = PairingSnapshot.empty();
        SightingPipeline withoutStores = new SightingPipeline(() -> empty, PipelineSettings.defaults(), clock,
                () -> VisitId.of("v"), sink);

        withoutStores.accept(new Sighting(StoreFixture.APP, DeviceId.of("install-1"), StoreFixture.SHOES_BEACON,
                null, -60, clock.instant()));

        assertThat(withoutStores.drops().countOf(PipelineDrop.UNKNOWN_STORE)).isEqualTo(1);
    }

    @Test
    void readingsFromTheFutureAreRejectedByTheFilterAndCounted() {
        pipeline.accept(new Sighting(StoreFixture.APP, DeviceId.of("install-1"), StoreFixture.SHOES_BEACON, null,
                -60, clock.instant().plus(Duration.ofMinutes(5))));

        assertThat(pipeline.rejections().total()).isEqualTo(1);
        assertThat(sink.events()).isEmpty();
    }

    @Test
    void idleDevicesAreForgottenAndMemoryStaysBounded() {
        SightingPipeline capped = new SightingPipeline(() -> snapshot, new PipelineSettings(
                PipelineSettings.defaults().filter(), PipelineSettings.defaults().zones(), 100), clock,
                () -> VisitId.of("v-" + UUID.randomUUID()), sink);
        for (int device = 0; device < 150; device++) {
            capped.accept(new Sighting(StoreFixture.ESP_ENTRANCE, DeviceId.of("random-" + device), null, null, -90,
                    clock.instant()));
        }
        assertThat(capped.trackedPairs()).isEqualTo(100);
        assertThat(capped.drops().countOf(PipelineDrop.TOO_MANY_DEVICES)).isEqualTo(50);

        for (int second = 0; second < 125; second++) {
            clock.advance(Duration.ofSeconds(1));
            capped.tick();
        }

        assertThat(capped.trackedPairs()).isZero();
    }

    @Test
    void aSinkThatThrowsIsCountedAndDoesNotStopThePipeline() {
        AtomicInteger calls = new AtomicInteger();
        SightingPipeline failing = new SightingPipeline(() -> snapshot, PipelineSettings.defaults(), clock,
                () -> VisitId.of("v"), (shop, event) -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("engine down");
                });
        for (int second = 0; second < 8; second++) {
            failing.accept(new Sighting(StoreFixture.APP, DeviceId.of("install-1"), StoreFixture.SHOES_BEACON, null,
                    -60, clock.instant()));
            failing.tick();
            clock.advance(Duration.ofSeconds(1));
        }

        // VisitStarted and ZoneEntered were both offered; both failures are counted
        assertThat(calls.get()).isEqualTo(2);
        assertThat(failing.drops().countOf(PipelineDrop.SINK_FAILED)).isEqualTo(2);
    }

    private void silence(Duration duration) {
        for (long second = 0; second < duration.toSeconds(); second++) {
            pipeline.tick();
            clock.advance(Duration.ofSeconds(1));
        }
    }
}
