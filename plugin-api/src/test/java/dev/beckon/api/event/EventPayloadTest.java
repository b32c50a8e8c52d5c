package dev.beckon.api.event;

import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.EventId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventPayloadTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    @Test
    void envelopeNamesItsPayloadType() {
        EventEnvelope envelope = new EventEnvelope(EventId.random(), ShopId.of("s"), "shopify", "app/uninstalled",
                NOW, NOW, "evt-1", new AppUninstalled("x.myshopify.com"));

        assertThat(envelope.type()).isEqualTo("AppUninstalled");
    }

    @Test
    void envelopeNeedsADedupKey() {
        assertThatThrownBy(() -> new EventEnvelope(EventId.random(), ShopId.of("s"), "shopify", "", NOW, NOW, " ",
                new AppUninstalled("")))
                .hasMessageContaining("dedupKey");
    }

    @Test
    void dwellIsReportedInWholeSeconds() {
        ZoneDwelled dwelled = new ZoneDwelled(StoreId.of("st"), StoreZoneId.of("shoes"), VisitId.of("v"),
                DeviceId.of("d"), Duration.ofMillis(45_900), NOW);

        assertThat(dwelled.seconds()).isEqualTo(45);
        assertThat(dwelled).isInstanceOf(ProximityEvent.class);
    }

    @Test
    void impossibleVisitsAreRefused() {
        assertThatThrownBy(() -> new VisitEnded(StoreId.of("st"), VisitId.of("v"), DeviceId.of("d"), NOW,
                NOW.minusSeconds(1))).hasMessageContaining("cannot end before");
        assertThatThrownBy(() -> new ZoneDwelled(StoreId.of("st"), StoreZoneId.of("z"), VisitId.of("v"),
                DeviceId.of("d"), Duration.ofSeconds(-1), NOW)).hasMessageContaining("negative");
    }

    @Test
    void consentChangeNeedsSomeoneItIsAbout() {
        assertThatThrownBy(() -> new ConsentChanged(null, " ", dev.beckon.api.model.Consent.marketing(
                dev.beckon.api.model.ChannelType.SMS, dev.beckon.api.model.Consent.State.UNSUBSCRIBED, "sms:STOP",
                NOW))).hasMessageContaining("customer or an address");
    }
}
