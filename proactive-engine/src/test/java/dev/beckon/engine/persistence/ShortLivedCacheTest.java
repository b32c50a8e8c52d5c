package dev.beckon.engine.persistence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ShortLivedCacheTest {

    final AtomicLong nanos = new AtomicLong(1_000);
    final AtomicInteger reads = new AtomicInteger();

    String read(String key) {
        return key + "#" + reads.incrementAndGet();
    }

    @Test
    void aValueIsReadOnceWithinItsTimeToLiveAndAgainAfter() throws Exception {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(Duration.ofSeconds(2), 10, nanos::get);

        assertThat(cache.get("shop-1", this::read)).isEqualTo("shop-1#1");
        nanos.addAndGet(Duration.ofMillis(1999).toNanos());
        assertThat(cache.get("shop-1", this::read)).isEqualTo("shop-1#1");
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.get("shop-1", this::read)).isEqualTo("shop-1#2");
    }

    @Test
    void forgettingAKeyMakesTheNextGetReadAgain() throws Exception {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(Duration.ofSeconds(2), 10, nanos::get);
        cache.get("shop-1", this::read);
        cache.get("shop-2", this::read);

        cache.forget("shop-1");

        assertThat(cache.get("shop-1", this::read)).isEqualTo("shop-1#3");
        assertThat(cache.get("shop-2", this::read)).isEqualTo("shop-2#2");
    }

    @Test
    void aFullCacheStartsOverInsteadOfGrowing() throws Exception {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(Duration.ofMinutes(1), 2, nanos::get);
        cache.get("a", this::read);
        cache.get("b", this::read);
        cache.get("c", this::read); // full: starts over with c only

        assertThat(cache.get("c", this::read)).isEqualTo("c#3");
        assertThat(cache.get("a", this::read)).isEqualTo("a#4");
    }

    @Test
    void aZeroTimeToLiveKeepsNothing() throws Exception {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(Duration.ZERO, 10, nanos::get);
        cache.get("a", this::read);

        assertThat(cache.get("a", this::read)).isEqualTo("a#2");
    }
}
