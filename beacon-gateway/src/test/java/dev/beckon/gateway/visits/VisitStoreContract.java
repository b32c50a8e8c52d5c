package dev.beckon.gateway.visits;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.event.VisitEnded;
import dev.beckon.api.event.VisitStarted;
import dev.beckon.api.event.ZoneDwelled;
import dev.beckon.api.event.ZoneEntered;
import dev.beckon.api.event.ZoneExited;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.VisitId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.gateway.EspresenseWalk;
import dev.beckon.gateway.StoreFixture;
import dev.beckon.gateway.ingest.EspresenseParser;
import dev.beckon.gateway.ingest.IngestLimits;
import dev.beckon.gateway.ingest.ParseResult;
import dev.beckon.gateway.pairing.GatewaySchema;
import dev.beckon.gateway.pipeline.PipelineSettings;
import dev.beckon.gateway.pipeline.RecordingSink;
import dev.beckon.gateway.pipeline.SightingPipeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.beckon.gateway.StoreFixture.SHOES;
import static dev.beckon.gateway.StoreFixture.SHOP;
import static dev.beckon.gateway.StoreFixture.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What every database the visit store runs on must do; H2 and PostgreSQL extend it. */
abstract class VisitStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final DeviceId PHONE = DeviceId.of("install-42");

    private JdbcVisitStore visits;

    protected abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        DataSource dataSource = dataSource();
        GatewaySchema.migrate(dataSource);
        visits = new JdbcVisitStore(dataSource);
    }

    @Test
    void anEspresenseWalkIsRecordedAsOneVisitWithItsOrderedZoneEvents() {
        List<ProximityEvent> events = walk();

        visits.recordAll(SHOP, events);

        VisitPage page = visits.visits(SHOP, STORE, 10, null);
        assertThat(page.nextCursor()).isNull();
        assertThat(page.visits()).singleElement().satisfies(visit -> {
            assertThat(visit.device()).isEqualTo(DeviceId.of(EspresenseWalk.PHONE));
            assertThat(visit.ended()).isTrue();
            assertThat(visit.startedAt()).isEqualTo(events.get(0).occurredAt());
            assertThat(visit.endedAt()).isEqualTo(events.get(events.size() - 1).occurredAt());
            assertThat(visit.events()).extracting(event -> event.type() + (event.zone() == null ? ""
                    : " " + event.zone()) + (event.dwell() == null ? "" : " " + event.dwell().toSeconds() + "s"))
                    .containsExactly("VisitStarted", "ZoneEntered entrance", "ZoneDwelled entrance 30s",
                            "ZoneExited entrance", "ZoneEntered shoes", "ZoneExited shoes", "ZoneEntered checkout",
                            "ZoneExited checkout", "VisitEnded");
            assertThat(visit.events()).extracting(RecordedEvent::at).isSorted();
        });
    }

    @Test
    void anOpenVisitIsReadableWhileItGoesOn() {
        VisitId visit = VisitId.of("visit-open");
        visits.recordAll(SHOP, List.of(new VisitStarted(STORE, visit, PHONE, T0),
                new ZoneEntered(STORE, SHOES, visit, PHONE, T0)));
        visits.recordAll(SHOP, List.of(new ZoneDwelled(STORE, SHOES, visit, PHONE, Duration.ofSeconds(30),
                T0.plusSeconds(30))));

        Visit read = visits.visit(SHOP, visit).orElseThrow();

        assertThat(read.ended()).isFalse();
        assertThat(read.events()).extracting(RecordedEvent::type)
                .containsExactly("VisitStarted", "ZoneEntered", "ZoneDwelled");
        assertThat(visits.visit(ShopId.of("shop-2"), visit)).as("another shop's visit").isEmpty();
    }

    @Test
    void visitsComeNewestFirstPageByPageWithoutGapsOrRepeats() {
        for (int i = 0; i < 5; i++) {
            recordVisit(SHOP, STORE, "visit-" + i, T0.plusSeconds(60L * i), DeviceId.of("device-" + i));
        }
        recordVisit(SHOP, StoreId.of("paris"), "visit-paris", T0, PHONE);
        recordVisit(ShopId.of("shop-2"), STORE, "visit-other-shop", T0, PHONE);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            VisitPage page = visits.visits(SHOP, STORE, 2, cursor);
            page.visits().forEach(visit -> seen.add(visit.visit().value()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("visit-4", "visit-3", "visit-2", "visit-1", "visit-0");
    }

    @Test
    void badPagingInputIsATypedError() {
        assertThatThrownBy(() -> visits.visits(SHOP, STORE, 2, "not-a-cursor"))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> visits.visits(SHOP, STORE, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> visits.visits(SHOP, STORE, JdbcVisitStore.MAX_PAGE + 1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linkingAShopperInOneStoreLinksOnlyThatStoresVisitsOfTheDevice() {
        StoreId hamburg = StoreId.of("hamburg");
        recordVisit(SHOP, STORE, "berlin-visit", T0, DeviceId.of("customer-phone"));
        recordVisit(SHOP, hamburg, "hamburg-visit", T0, DeviceId.of("customer-phone"));
        recordVisit(SHOP, STORE, "someone-else", T0, DeviceId.of("passer-by"));

        assertThat(visits.linkShopper(SHOP, STORE, DeviceId.of("customer-phone"), "customer-7")).isEqualTo(1);
        assertThat(visits.linkShopper(SHOP, STORE, DeviceId.of("never-seen"), "customer-7")).isZero();
        assertThatThrownBy(() -> visits.linkShopper(SHOP, STORE, DeviceId.of("customer-phone"), " "))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(visits.visit(SHOP, VisitId.of("berlin-visit")).orElseThrow().shopper()).contains("customer-7");
        assertThat(visits.visit(SHOP, VisitId.of("hamburg-visit")).orElseThrow().shopper()).isEmpty();
        assertThat(visits.visit(SHOP, VisitId.of("someone-else")).orElseThrow().shopper()).isEmpty();
    }

    @Test
    void visitsOlderThanTheCutoffArePurgedUnlessTheirOwnerIsKept() {
        recordVisit(SHOP, STORE, "old-passer-by", T0, DeviceId.of("passer-by"));
        recordVisit(SHOP, STORE, "old-customer", T0, DeviceId.of("customer-phone"));
        recordVisit(SHOP, STORE, "recent", T0.plus(Duration.ofHours(30)), DeviceId.of("passer-by"));
        VisitId silent = VisitId.of("old-still-open");
        visits.recordAll(SHOP, List.of(new VisitStarted(STORE, silent, PHONE, T0),
                new ZoneEntered(STORE, SHOES, silent, PHONE, T0)));
        assertThat(visits.linkShopper(SHOP, DeviceId.of("customer-phone"), "customer-7")).isEqualTo(1);

        int purged = visits.purgeVisitsEndedBefore(T0.plus(Duration.ofHours(25)),
                owner -> "customer-7".equals(owner.shopperId()));

        assertThat(purged).isEqualTo(2);
        assertThat(visits.visits(SHOP, STORE, 10, null).visits()).extracting(visit -> visit.visit().value())
                .containsExactlyInAnyOrder("recent", "old-customer");
        assertThat(visits.visit(SHOP, VisitId.of("old-customer")).orElseThrow().shopper()).contains("customer-7");
    }

    @Test
    void theRecorderStoresEventsOffTheCallersThread() {
        var threads = Executors.defaultThreadFactory();
        try (VisitRecorder recorder = new VisitRecorder(visits, 1000, threads)) {
            List<ProximityEvent> events = walk();
            events.forEach(event -> recorder.accept(SHOP, event));

            await().atMost(10, TimeUnit.SECONDS).until(() -> recorder.recorded() == events.size());
            assertThat(recorder.dropped()).isZero();
            assertThat(recorder.failed()).isZero();
        }
        assertThat(visits.visits(SHOP, STORE, 10, null).visits()).singleElement()
                .satisfies(visit -> assertThat(visit.events()).hasSize(EspresenseWalk.EXPECTED.size()));
    }

    private void recordVisit(ShopId shop, StoreId store, String id, Instant start, DeviceId device) {
        VisitId visit = VisitId.of(id);
        visits.recordAll(shop, List.of(new VisitStarted(store, visit, device, start),
                new ZoneEntered(store, SHOES, visit, device, start),
                new ZoneExited(store, SHOES, visit, device, start.plusSeconds(20)),
                new VisitEnded(store, visit, device, start, start.plusSeconds(140))));
    }

    /** The events of {@link EspresenseWalk} through the pipeline, as the sink got them. */
    private static List<ProximityEvent> walk() {
        MutableClock clock = new MutableClock(T0);
        RecordingSink sink = new RecordingSink();
        var snapshot = StoreFixture.snapshot();
        SightingPipeline pipeline = new SightingPipeline(() -> snapshot, PipelineSettings.defaults(), clock,
                () -> VisitId.of("visit-walk"), sink);
        EspresenseParser parser = new EspresenseParser(snapshot, clock, IngestLimits.defaults());
        for (var second : EspresenseWalk.seconds()) {
            for (var message : second) {
                ((ParseResult.Parsed) parser.parse(message.topic(), message.payload())).sightings()
                        .forEach(pipeline::accept);
            }
            pipeline.tick();
            clock.advance(Duration.ofSeconds(1));
        }
        for (int second = 0; second < 150; second++) {
            pipeline.tick();
            clock.advance(Duration.ofSeconds(1));
        }
        return sink.events();
    }
}
