package dev.beckon.suite.video;

import dev.beckon.api.model.ShopId;
import dev.beckon.video.library.VideoId;
import dev.beckon.video.library.VideoLink;
import dev.beckon.video.links.LinkTokens;
import dev.beckon.video.storage.StorageKey;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A link's stream target is kept for a few seconds, and forgotten at once on revocation or erasure. */
class StreamTargetsTest {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final StreamTargets targets = new StreamTargets(nanos::get);

    @Test
    void aTargetIsKeptForItsTimeToLiveOnly() {
        StreamTargets.Target target = target();
        targets.keep("token-a", target);

        nanos.addAndGet(StreamTargets.TTL.toNanos() - 1);
        assertThat(targets.find("token-a")).containsSame(target);
        assertThat(targets.find("token-b")).isEmpty();

        nanos.incrementAndGet();
        assertThat(targets.find("token-a")).isEmpty();
    }

    @Test
    void forgettingDropsEveryKeptTarget() {
        targets.keep("token-a", target());
        targets.keep("token-b", target());

        targets.forgetAll();

        assertThat(targets.find("token-a")).isEmpty();
        assertThat(targets.find("token-b")).isEmpty();
    }

    @Test
    void aBurstOfLinksDoesNotGrowTheMapWithoutBound() {
        for (int i = 0; i <= StreamTargets.MAX_ENTRIES; i++) {
            targets.keep("token-" + i, target());
        }

        assertThat(targets.find("token-0")).isEmpty();
        assertThat(targets.find("token-" + StreamTargets.MAX_ENTRIES)).isPresent();
    }

    private static StreamTargets.Target target() {
        SecureRandom random = new SecureRandom();
        VideoLink link = new VideoLink(LinkTokens.mint(NOW, Duration.ofDays(7), random).record(), VideoId.random(),
                new ShopId("shop-1"), Optional.of("Ann"), Optional.empty());
        return new StreamTargets.Target(link, StorageKey.random(random), 1000, NOW);
    }
}
