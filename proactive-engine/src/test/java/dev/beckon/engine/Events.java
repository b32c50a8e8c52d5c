package dev.beckon.engine;

import dev.beckon.api.event.AppUninstalled;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.EventId;
import dev.beckon.api.model.LineItem;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.OrderId;
import dev.beckon.api.model.ProductId;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.Shopper;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Canonical events as an adapter would produce them. */
public final class Events {

    public static final ShopId SHOP = ShopId.of("shop-a");

    private Events() {
    }

    public static CheckoutUpdated checkout(String token, String phone, Consent.State smsConsent, Instant updatedAt) {
        Shopper shopper = new Shopper(CustomerId.of("603851970716743426"), "Ann", "Lee", "ann@example.com", phone,
                smsConsent == null ? List.of()
                        : List.of(Consent.marketing(ChannelType.SMS, smsConsent, "shopify:checkout", updatedAt)));
        return new CheckoutUpdated(CheckoutId.of(token), "cart-" + token, shopper,
                List.of(new LineItem(ProductId.of("632910392"), "808950810", "IPOD2008PINK", "IPod Nano - 8GB", 1,
                        Money.of("199.00", "USD"))),
                Money.of("421.88", "USD"), URI.create("https://shop.example/checkouts/" + token + "/recover?key=k"),
                updatedAt, null);
    }

    public static OrderPlaced order(String orderId, String checkoutToken, Instant at) {
        return new OrderPlaced(OrderId.of(orderId), "#1001", checkoutToken == null ? null : CheckoutId.of(checkoutToken),
                null, new Shopper(null, "Ann", null, null, null, List.of()), List.of(), Money.of("421.88", "USD"), at);
    }

    public static EventEnvelope envelope(EventPayload payload, String dedupKey, Instant receivedAt) {
        return new EventEnvelope(EventId.random(), SHOP, "shopify", "test", receivedAt, receivedAt, dedupKey, payload);
    }

    public static EventEnvelope uninstalled(Instant at) {
        return envelope(new AppUninstalled("shop-a.myshopify.com"), "uninstall-" + at, at);
    }
}
