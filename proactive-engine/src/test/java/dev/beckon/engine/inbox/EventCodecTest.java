package dev.beckon.engine.inbox;

import dev.beckon.api.event.AppUninstalled;
import dev.beckon.api.event.CartItemAdded;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.ConsentChanged;
import dev.beckon.api.event.CustomerUpdated;
import dev.beckon.api.event.DataAccessRequested;
import dev.beckon.api.event.DataErasureRequested;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.event.OrderCancelled;
import dev.beckon.api.event.OrderFulfilled;
import dev.beckon.api.event.OrderPaid;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.event.ProductViewed;
import dev.beckon.api.event.VisitEnded;
import dev.beckon.api.event.VisitStarted;
import dev.beckon.api.event.ZoneDwelled;
import dev.beckon.api.event.ZoneEntered;
import dev.beckon.api.event.ZoneExited;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.DeviceId;
import dev.beckon.api.model.LineItem;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.OrderId;
import dev.beckon.api.model.ProductId;
import dev.beckon.api.model.Shopper;
import dev.beckon.api.model.StoreId;
import dev.beckon.api.model.StoreZoneId;
import dev.beckon.api.model.VisitId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    static final Instant T = Instant.parse("2026-11-23T10:15:30.123456Z");

    final EventCodec codec = new EventCodec();

    @AfterEach
    void close() throws Exception {
        codec.close();
    }

    static Shopper ann() {
        return new Shopper(CustomerId.of("603851970716743426"), "Zoë", "Lee", "ann@example.com", "+14155550100",
                List.of(Consent.marketing(ChannelType.SMS, Consent.State.SUBSCRIBED, "shopify:checkout", T),
                        new Consent(ChannelType.EMAIL, Consent.Purpose.MARKETING, Consent.State.UNSUBSCRIBED,
                                "email:unsubscribe-link", null)));
    }

    static List<LineItem> lines() {
        return List.of(
                new LineItem(ProductId.of("632910392"), "808950810", "IPOD2008PINK", "IPod Nano - 8GB", 2,
                        Money.of("199.00", "USD")),
                new LineItem(null, null, null, "Gift wrap", 1, Money.of("0.5", "USD")));
    }

    /** One instance of every concrete payload record, with every kind of field set. */
    static List<EventPayload> everyPayload() {
        StoreId store = StoreId.of("store-berlin-1");
        StoreZoneId zone = StoreZoneId.of("shoes");
        VisitId visit = VisitId.of("visit-42");
        DeviceId device = DeviceId.of("device-7f3a");
        return List.of(
                new CheckoutUpdated(CheckoutId.of("cb4b9e0b2c2f4d3f"), "cart-1", ann(), lines(),
                        Money.of("421.88", "USD"),
                        URI.create("https://shop.example/checkouts/cb4b9e0b/recover?key=a%20b&x=1"), T, null),
                new CheckoutUpdated(CheckoutId.of("c2"), null, new Shopper(null, null, null, null, null, List.of()),
                        List.of(), null, null, T, T.plusSeconds(5)),
                new OrderPlaced(OrderId.of("820982911946154508"), "#1001", CheckoutId.of("cb4b9e0b2c2f4d3f"),
                        "cart-1", ann(), lines(), Money.of("1000", "JPY"), T),
                new OrderFulfilled(OrderId.of("820982911946154508"), ann(),
                        URI.create("https://track.example/1Z999AA10123456784"), true, T),
                new CustomerUpdated(ann(), T),
                new ConsentChanged(CustomerId.of("603851970716743426"), "+14155550100",
                        Consent.marketing(ChannelType.SMS, Consent.State.UNSUBSCRIBED, "sms:STOP", T)),
                new ConsentChanged(null, "ann@example.com",
                        new Consent(ChannelType.EMAIL, Consent.Purpose.TRANSACTIONAL, Consent.State.PENDING, "", null)),
                new ProductViewed(ProductId.of("632910392"), "visitor-1", CustomerId.of("603851970716743426"),
                        URI.create("https://shop.example/products/ipod-nano"), T),
                new AppUninstalled("shop-a.myshopify.com"),
                new DataErasureRequested(DataErasureRequested.Scope.CUSTOMER, CustomerId.of("603851970716743426"),
                        "ann@example.com", "+14155550100",
                        List.of(OrderId.of("820982911946154508"), OrderId.of("820982911946154509"))),
                new DataErasureRequested(DataErasureRequested.Scope.SHOP, null, null, null, List.of()),
                new DataAccessRequested(CustomerId.of("191167"), "john@example.com", null,
                        List.of(OrderId.of("299938")), "9999"),
                new ZoneEntered(store, zone, visit, device, T),
                new ZoneDwelled(store, zone, visit, device, Duration.ofSeconds(95, 250_000_000), T),
                new ZoneExited(store, zone, visit, device, T.plusSeconds(100)),
                new VisitStarted(store, visit, device, T),
                new VisitEnded(store, visit, device, T, T.plus(Duration.ofMinutes(12))),
                new OrderPaid(OrderId.of("820982911946154508"), ann(), Money.of("421.88", "USD"), T),
                new OrderCancelled(OrderId.of("820982911946154508"), ann(), "customer", T),
                new CartItemAdded(ProductId.of("632910392"), 2, Money.of("199.00", "USD"), "visitor-9",
                        CustomerId.of("603851970716743426"), URI.create("https://shop.example/products/ipod-nano"),
                        T));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPayload")
    void everyPayloadComesBackEqualFromItsJson(EventPayload payload) {
        String json = codec.write(payload);

        EventPayload read = codec.read(payload.getClass().getSimpleName(), json);

        assertThat(read).isEqualTo(payload);
    }

    @Test
    void theTestCoversEveryConcretePayloadRecord() {
        Set<Class<?>> covered = everyPayload().stream().map(Object::getClass).collect(Collectors.toSet());

        assertThat(covered).containsExactlyInAnyOrderElementsOf(permittedRecords());
    }

    @Test
    void theCodecKnowsEveryPermittedPayloadRecordByItsSimpleName() {
        Set<Class<?>> records = permittedRecords();

        assertThat(records).hasSizeGreaterThanOrEqualTo(12);
        for (Class<?> type : records) {
            assertThat(codec.find(type.getSimpleName())).as(type.getSimpleName()).contains(cast(type));
        }
    }

    @Test
    void aLargePlatformIdStaysExact() {
        String json = codec.write(new OrderPlaced(OrderId.of("820982911946154508"), "#1001", null, null,
                new Shopper(null, null, null, null, null, List.of()), List.of(), null, T));

        OrderPlaced read = (OrderPlaced) codec.read("OrderPlaced", json);

        assertThat(json).contains("820982911946154508");
        assertThat(read.order().value()).isEqualTo("820982911946154508");
    }

    @Test
    void moneyKeepsItsDecimalAmountAndCurrencyCode() {
        String json = codec.write(new OrderPlaced(OrderId.of("1"), "", null, null,
                new Shopper(null, null, null, null, null, List.of()), List.of(), Money.of("0.10", "EUR"), T));

        OrderPlaced read = (OrderPlaced) codec.read("OrderPlaced", json);

        assertThat(json).contains("EUR");
        assertThat(read.total().amount()).isEqualByComparingTo("0.10");
        assertThat(read.total().toString()).isEqualTo("0.10 EUR");
    }

    @Test
    void anUnknownTypeIsRejectedByName() {
        assertThat(codec.find("CheckoutAbandoned")).isEmpty();
        assertThatThrownBy(() -> codec.read("CheckoutAbandoned", "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CheckoutAbandoned");
    }

    @Test
    void theSealedInterfacesAreNotTypes() {
        assertThat(codec.find("EventPayload")).isEmpty();
        assertThat(codec.find("ProximityEvent")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"checkout\":", "not json", "[1,2]", "{\"checkout\":{\"value\":\"c1\"}}", "null", ""})
    void jsonThatDoesNotMakeAPayloadIsRejected(String json) {
        assertThatThrownBy(() -> codec.read("CheckoutUpdated", json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CheckoutUpdated");
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends EventPayload> cast(Class<?> type) {
        return (Class<? extends EventPayload>) type;
    }

    /** Walks the sealed hierarchy independently of the codec. */
    static Set<Class<?>> permittedRecords() {
        Set<Class<?>> records = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(EventPayload.class));
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (type.isRecord()) {
                records.add(type);
            } else {
                assertThat(type.isSealed()).as(type + " is neither a record nor sealed").isTrue();
                todo.addAll(List.of(type.getPermittedSubclasses()));
            }
        }
        return records;
    }
}
