package dev.beckon.suite.beacons;

import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.event.VisitEnded;
import dev.beckon.api.event.VisitStarted;
import dev.beckon.api.event.ZoneDwelled;
import dev.beckon.api.event.ZoneEntered;
import dev.beckon.api.event.ZoneExited;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;
import dev.beckon.gateway.pairing.GatewaySchema;
import dev.beckon.gateway.visits.JdbcVisitStore;
import dev.beckon.suite.beacons.BeaconViews.VisitPageView;
import dev.beckon.suite.beacons.BeaconViews.VisitView;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The visits API's mapping and paging input, and the retention rule, against the gateway's tables in H2. */
class VisitsTest {

    static final ShopId SHOP = ShopId.of("shop-1");
    static final StoreId STORE = StoreId.of("berlin");
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    JdbcVisitStore visits;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:visits-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        GatewaySchema.migrate(dataSource);
        visits = new JdbcVisitStore(dataSource);
    }

    @Test
    void aVisitIsShownWithItsDeviceAndOrderedEvents() {
        record(walk("v1", "ann-phone", T0));

        VisitPageView page = StoreResource.view(visits.visits(SHOP, STORE, 10, null));

        assertThat(page.nextCursor()).isNull();
        VisitView visit = page.visits().get(0);
        assertThat(visit.visitId()).isEqualTo("v1");
        assertThat(visit.device()).isEqualTo("ann-phone");
        assertThat(visit.shopperId()).isNull();
        assertThat(visit.ended()).isTrue();
        assertThat(visit.startedAt()).isEqualTo(T0);
        assertThat(visit.endedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(visit.events()).extracting(e -> e.type() + (e.zoneId() == null ? "" : " " + e.zoneId()))
                .containsExactly("VisitStarted", "ZoneEntered shoes", "ZoneDwelled shoes", "ZoneExited shoes",
                        "VisitEnded");
        assertThat(visit.events().get(2).dwell()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void pagesFollowTheCursorAndALimitOutOfRangeIsRefused() {
        for (int i = 0; i < 3; i++) {
            record(walk("v" + i, "phone-" + i, T0.plusSeconds(i * 120L)));
        }
        VisitPageView first = StoreResource.view(visits.visits(SHOP, STORE, StoreResource.limit("2"), null));
        assertThat(first.visits()).extracting(VisitView::visitId).containsExactly("v2", "v1");
        VisitPageView second = StoreResource.view(visits.visits(SHOP, STORE, 2, first.nextCursor()));
        assertThat(second.visits()).extracting(VisitView::visitId).containsExactly("v0");
        assertThat(second.nextCursor()).isNull();

        assertThat(StoreResource.limit(null)).isEqualTo(50);
        for (String bad : List.of("0", "201", "-1", "ten", "1e3")) {
            assertThatThrownBy(() -> StoreResource.limit(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("limit must be a whole number from 1 to 200");
        }
    }

    @Test
    void expiredVisitsArePurgedUnlessTheShopperIsLinked() {
        record(walk("old-anonymous", "stranger-phone", T0));
        record(walk("old-customer", "ann-phone", T0.plusSeconds(5)));
        record(walk("recent", "bob-phone", T0.plus(Duration.ofHours(20))));
        visits.linkShopper(SHOP, DeviceId.of("ann-phone"), "customer-7");

        int deleted = VisitRetention.purge(visits, T0.plus(Duration.ofHours(25)), Duration.ofHours(24));

        assertThat(deleted).isEqualTo(1);
        assertThat(visits.visits(SHOP, STORE, 10, null).visits()).extracting(v -> v.visit().value())
                .containsExactlyInAnyOrder("old-customer", "recent");
        assertThat(StoreResource.view(visits.visits(SHOP, STORE, 10, null)).visits())
                .filteredOn(v -> v.visitId().equals("old-customer")).extracting(VisitView::shopperId)
                .containsExactly("customer-7");
    }

    private void record(List<ProximityEvent> events) {
        visits.recordAll(SHOP, events);
    }

    private static List<ProximityEvent> walk(String visit, String device, Instant start) {
        VisitId id = VisitId.of(visit);
        DeviceId phone = DeviceId.of(device);
        StoreZoneId shoes = StoreZoneId.of("shoes");
        return List.of(new VisitStarted(STORE, id, phone, start),
                new ZoneEntered(STORE, shoes, id, phone, start.plusSeconds(5)),
                new ZoneDwelled(STORE, shoes, id, phone, Duration.ofSeconds(30), start.plusSeconds(35)),
                new ZoneExited(STORE, shoes, id, phone, start.plusSeconds(50)),
                new VisitEnded(STORE, id, phone, start, start.plusSeconds(60)));
    }
}
