package dev.beckon.gateway.plausibility;

import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TwoStoreCheckTest {

    private static final ShopId SHOP = ShopId.of("shop-1");
    private static final StoreId BERLIN = StoreId.of("berlin");
    private static final StoreId HAMBURG = StoreId.of("hamburg");
    private static final String BEACON = "ibeacon:2f234454-cf6d-4a0f-adf2-f4911ba9ffa6:1:2";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final TwoStoreCheck check = new TwoStoreCheck(PlausibilitySettings.defaults(), clock);

    @Test
    void aBeaconHeardInOneStoreOnlyIsAdmitted() {
        for (int second = 0; second < 60; second++) {
            assertThat(check.admit(SHOP, BERLIN, BEACON)).isTrue();
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void aBeaconHeardInTwoStoresAtOnceIsFlaggedEverywhereForTheQuarantine() {
        assertThat(check.admit(SHOP, BERLIN, BEACON)).isTrue();
        clock.advance(Duration.ofSeconds(5));

        assertThat(check.admit(SHOP, HAMBURG, BEACON)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(check.admit(SHOP, BERLIN, BEACON)).as("the original store too").isFalse();
        assertThat(check.isFlagged(SHOP, BEACON)).isTrue();

        clock.advance(PlausibilitySettings.defaults().quarantine());
        assertThat(check.admit(SHOP, BERLIN, BEACON)).as("after the quarantine").isTrue();
    }

    @Test
    void aShopperWhoWalksToTheNextStoreAfterTheIntervalIsNotFlagged() {
        assertThat(check.admit(SHOP, BERLIN, "install-42")).isTrue();
        clock.advance(PlausibilitySettings.defaults().twoStoresWithin());

        assertThat(check.admit(SHOP, HAMBURG, "install-42")).isTrue();
    }

    @Test
    void theSameIdInStoresOfTwoShopsIsNotAConflict() {
        assertThat(check.admit(SHOP, BERLIN, BEACON)).isTrue();
        assertThat(check.admit(ShopId.of("shop-2"), HAMBURG, BEACON))
                .as("factory-default beacon ids recur across shops").isTrue();
    }

    @Test
    void aFloodOfRandomIdsIsAdmittedWithoutGrowingPastTheCap() {
        for (int device = 0; device < TwoStoreCheck.MAX_REMEMBERED + 10; device++) {
            assertThat(check.admit(SHOP, BERLIN, "random-" + device)).isTrue();
        }

        assertThat(check.remembered()).isEqualTo(TwoStoreCheck.MAX_REMEMBERED);
    }

    @Test
    void identitiesNoLongerHeardAreForgotten() {
        for (int device = 0; device < 1000; device++) {
            check.admit(SHOP, BERLIN, "random-" + device);
        }
        check.admit(SHOP, BERLIN, BEACON);
        check.admit(SHOP, HAMBURG, BEACON);
        clock.advance(Duration.ofMinutes(1));
        check.forgetIdle();

        assertThat(check.remembered()).as("only the quarantined beacon").isEqualTo(1);
        clock.advance(Duration.ofMinutes(10));
        check.forgetIdle();
        assertThat(check.remembered()).isZero();
    }
}
