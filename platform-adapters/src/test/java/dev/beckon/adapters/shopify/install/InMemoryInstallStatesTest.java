package dev.beckon.adapters.shopify.install;

import dev.beckon.api.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryInstallStatesTest {

    private static final ShopDomain SHOP = new ShopDomain("some-shop.myshopify.com");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final InMemoryInstallStates states = new InMemoryInstallStates(clock, 3);

    @Test
    void aStateIsGoodExactlyOnce() {
        states.remember("s1", SHOP, clock.instant().plusSeconds(600));

        assertThat(states.consume("s1")).contains(SHOP);
        assertThat(states.consume("s1")).isEmpty();
        assertThat(states.consume(null)).isEmpty();
    }

    @Test
    void anExpiredStateIsNotHandedOut() {
        states.remember("s1", SHOP, clock.instant().plusSeconds(600));
        clock.advance(Duration.ofSeconds(600));

        assertThat(states.consume("s1")).isEmpty();
    }

    @Test
    void expiredStatesAreDroppedAndTheOldestGoesWhenFull() {
        states.remember("old", SHOP, clock.instant().plusSeconds(10));
        clock.advance(Duration.ofSeconds(11));
        states.remember("a", SHOP, clock.instant().plusSeconds(600));
        assertThat(states.size()).isEqualTo(1);

        states.remember("b", SHOP, clock.instant().plusSeconds(600));
        states.remember("c", SHOP, clock.instant().plusSeconds(600));
        states.remember("d", SHOP, clock.instant().plusSeconds(600));

        assertThat(states.size()).isEqualTo(3);
        assertThat(states.consume("a")).isEmpty();
        assertThat(states.consume("d")).contains(SHOP);
    }
}
