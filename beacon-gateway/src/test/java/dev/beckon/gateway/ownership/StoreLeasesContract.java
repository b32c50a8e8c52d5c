package dev.beckon.gateway.ownership;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.testing.MutableClock;
import dev.beckon.gateway.pairing.GatewaySchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What store leases must do on every database the gateway runs on; H2 and PostgreSQL extend it. */
abstract class StoreLeasesContract {

    private static final ShopId SHOP = ShopId.of("shop-1");
    private static final StoreId STORE = StoreId.of("berlin-mitte");
    private static final Duration RENEW = Duration.ofSeconds(10);
    private static final Duration TTL = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private DataSource dataSource;
    private StoreLeases a;
    private StoreLeases b;

    protected abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        dataSource = dataSource();
        GatewaySchema.migrate(dataSource);
        a = instance("gateway-a", 100);
        b = instance("gateway-b", 100);
    }

    private StoreLeases instance(String owner, int maxClaimsPerRound) {
        return new StoreLeases(dataSource, clock, new StoreLeaseSettings(TTL, RENEW, maxClaimsPerRound), owner);
    }

    @Test
    void aStoreSeenByTwoInstancesIsOwnedByExactlyOne() {
        assertThat(a.term(SHOP, STORE)).isEqualTo(StoreOwnership.NOT_OWNED);
        assertThat(b.term(SHOP, STORE)).isEqualTo(StoreOwnership.NOT_OWNED);

        assertThat(a.renew()).isEqualTo(new LeaseRound(1, 1, 0));
        assertThat(b.renew()).isEqualTo(new LeaseRound(0, 0, 0));

        assertThat(a.term(SHOP, STORE)).isEqualTo(1L);
        assertThat(b.term(SHOP, STORE)).isEqualTo(StoreOwnership.NOT_OWNED);
        assertThat(a.owned()).containsExactly(new StoreKey(SHOP, STORE));
        assertThat(b.owned()).isEmpty();
    }

    @Test
    void aStoreNeverAskedAboutIsNotClaimed() {
        assertThat(a.renew()).isEqualTo(new LeaseRound(0, 0, 0));
        assertThat(a.owns(SHOP, STORE)).isFalse();
    }

    @Test
    void theOwnerKeepsItsStoreWhileItRenews() {
        a.term(SHOP, STORE);
        a.renew();
        for (int round = 0; round < 12; round++) {
            clock.advance(RENEW);
            assertThat(b.term(SHOP, STORE)).isEqualTo(StoreOwnership.NOT_OWNED);
            assertThat(a.renew()).isEqualTo(new LeaseRound(1, 0, 0));
            assertThat(b.renew()).isEqualTo(new LeaseRound(0, 0, 0));
            assertThat(a.term(SHOP, STORE)).isEqualTo(1L);
        }
    }

    @Test
    void whenTheOwnerStopsRenewingTheOtherTakesOverAfterTheTtl() {
        a.term(SHOP, STORE);
        a.renew();
        b.term(SHOP, STORE);

        clock.advance(TTL.minusSeconds(1));
        assertThat(b.renew().claimed()).isZero();
        assertThat(a.owns(SHOP, STORE)).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(a.owns(SHOP, STORE)).as("the silent owner stops acting when its lease runs out").isFalse();
        b.term(SHOP, STORE);
        assertThat(b.renew()).isEqualTo(new LeaseRound(1, 1, 0));
        assertThat(b.term(SHOP, STORE)).isEqualTo(2L);

        assertThat(a.renew()).as("the old owner learns it lost the store").isEqualTo(new LeaseRound(0, 0, 1));
        assertThat(a.term(SHOP, STORE)).isEqualTo(StoreOwnership.NOT_OWNED);
    }

    @Test
    void releasingOnShutdownHandsTheStoresOverAtOnce() {
        a.term(SHOP, STORE);
        a.renew();
        b.term(SHOP, STORE);
        assertThat(b.renew().claimed()).isZero();

        a.release();

        assertThat(a.owns(SHOP, STORE)).isFalse();
        b.term(SHOP, STORE);
        assertThat(b.renew()).isEqualTo(new LeaseRound(1, 1, 0));
        assertThat(b.term(SHOP, STORE)).isEqualTo(2L);
        assertThat(a.renew()).as("a released instance claims nothing more").isEqualTo(new LeaseRound(0, 0, 0));
        assertThat(a.claim(List.of(new StoreKey(SHOP, STORE)))).isZero();
    }

    @Test
    void takingAStoreBackStartsANewTerm() {
        a.term(SHOP, STORE);
        a.renew();
        a.release();
        b.term(SHOP, STORE);
        b.renew();
        b.release();

        StoreLeases restarted = instance("gateway-a", 100);
        restarted.term(SHOP, STORE);
        restarted.renew();

        assertThat(restarted.term(SHOP, STORE)).isEqualTo(3L);
    }

    @Test
    void storesKnownUpFrontAreClaimedBeforeTheirFirstSighting() {
        StoreKey berlin = new StoreKey(SHOP, STORE);
        StoreKey hamburg = new StoreKey(SHOP, StoreId.of("hamburg"));

        assertThat(a.claim(List.of(berlin, hamburg))).isEqualTo(2);
        assertThat(b.claim(List.of(berlin, hamburg))).isZero();

        assertThat(a.owned()).containsExactlyInAnyOrder(berlin, hamburg);
        assertThat(b.owned()).isEmpty();
    }

    @Test
    void claimsPerRoundAreBounded() {
        StoreLeases bounded = instance("gateway-c", 2);
        IntStream.range(0, 5).forEach(i -> bounded.term(SHOP, StoreId.of("store-" + i)));

        assertThat(bounded.renew().claimed()).isEqualTo(2);
        assertThat(bounded.renew().claimed()).isEqualTo(2);
        assertThat(bounded.renew()).isEqualTo(new LeaseRound(5, 1, 0));
    }

    @Test
    void manyStoresClaimedByTwoInstancesAtOnceEachHaveOneOwner() throws Exception {
        List<StoreId> stores = IntStream.range(0, 60).mapToObj(i -> StoreId.of("store-" + i)).toList();
        for (StoreLeases instance : List.of(a, b)) {
            stores.forEach(store -> instance.term(SHOP, store));
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<LeaseRound>> rounds = List.of(a, b).stream().<Callable<LeaseRound>>map(instance -> () -> {
                go.await();
                return instance.renew();
            }).toList();
            List<Future<LeaseRound>> results = new ArrayList<>();
            rounds.forEach(round -> results.add(threads.submit(round)));
            go.countDown();
            int claimed = 0;
            for (Future<LeaseRound> result : results) {
                claimed += result.get().claimed();
            }
            assertThat(claimed).isEqualTo(stores.size());
        } finally {
            threads.shutdownNow();
        }

        Set<StoreKey> ownedByA = a.owned();
        Set<StoreKey> ownedByB = b.owned();
        assertThat(ownedByA).doesNotContainAnyElementsOf(ownedByB);
        Set<StoreKey> all = new HashSet<>(ownedByA);
        all.addAll(ownedByB);
        assertThat(all).hasSize(stores.size());
        for (StoreId store : stores) {
            assertThat(a.owns(SHOP, store) ^ b.owns(SHOP, store)).as("one owner of %s", store).isTrue();
        }

        a.release();
        stores.forEach(store -> b.term(SHOP, store));
        b.renew();
        assertThat(b.owned()).hasSize(stores.size());
    }
}
