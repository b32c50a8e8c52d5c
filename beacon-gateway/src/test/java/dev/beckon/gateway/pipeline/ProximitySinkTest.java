package dev.beckon.gateway.pipeline;

import dev.beckon.api.event.VisitStarted;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.VisitId;
import dev.beckon.gateway.StoreFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProximitySinkTest {

    private final VisitStarted event = new VisitStarted(StoreFixture.STORE, VisitId.of("v"), DeviceId.of("d"),
            Instant.parse("2026-11-23T10:00:00Z"));

    @Test
    void bothSinksGetEveryEventEvenWhenTheFirstThrows() {
        RecordingSink second = new RecordingSink();
        ProximitySink failing = (shop, e) -> {
            throw new IllegalStateException("recorder down");
        };

        assertThatThrownBy(() -> failing.andThen(second).accept(StoreFixture.SHOP, event))
                .isInstanceOf(IllegalStateException.class).hasMessage("recorder down");
        assertThat(second.events()).containsExactly(event);
    }

    @Test
    void eventsReachBothInOrder() {
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();

        first.andThen(second).accept(StoreFixture.SHOP, event);

        assertThat(first.events()).containsExactly(event);
        assertThat(second.events()).containsExactly(event);
    }
}
