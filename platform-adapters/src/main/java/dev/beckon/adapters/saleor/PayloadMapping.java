package dev.beckon.adapters.saleor;

import dev.beckon.adapters.json.Excerpt;
import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.CustomerUpdated;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.LineItem;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.OrderId;
import dev.beckon.api.model.ProductId;
import dev.beckon.api.model.Shopper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Saleor subscription payloads to canonical payloads. A payload holds what the app's subscription query selects,
 * so only the object's {@code id} is required; everything else is read when selected (the recommended query in
 * the knowledge file, 9.4):
 * <pre>{@code
 * order    { id number userEmail created checkoutId user { id email firstName lastName }
 *            total { gross { amount currency } }
 *            lines { quantity productName productSku variant { id product { id } } unitPrice { gross { ... } } } }
 * checkout { id token email updatedAt lastChange user { id email firstName lastName }
 *            totalPrice { gross { amount currency } }
 *            lines { quantity unitPrice { gross { ... } } variant { id sku name product { id name } } } }
 * user     { id email firstName lastName updatedAt }
 * }</pre>
 * Ids are Saleor's base64 global ids, kept as strings. Lines are mapped only when every line states its unit price
 * (the recommended query does not select it); otherwise they are left empty and the engine fetches them.
 */
final class PayloadMapping {

    private PayloadMapping() {
    }

    /** {@code order_created}: an {@code OrderPlaced} at the order's {@code created}. */
    static Mapped orderCreated(JsonView order, Instant fallbackTime) {
        String id = order.requireId("id");
        String number = order.string("number");
        String checkout = order.id("checkoutId");
        Instant placedAt = firstNonNull(order.instant("created"), fallbackTime);
        OrderPlaced payload = new OrderPlaced(OrderId.of(id), number == null ? "" : "#" + number,
                checkout == null ? null : CheckoutId.of(checkout), null,
                shopper(order, order.string("userEmail")), lines(order, "productName", "productSku"),
                taxedMoney(order, "total"), placedAt);
        return new Mapped(payload, id, placedAt);
    }

    /** {@code checkout_created|updated}: a {@code CheckoutUpdated} at the checkout's {@code updatedAt}. */
    static Mapped checkoutUpdated(JsonView checkout, Instant fallbackTime) {
        String id = checkout.requireId("id");
        Instant updatedAt = firstNonNull(checkout.firstInstant("updatedAt", "lastChange"), fallbackTime);
        CheckoutUpdated payload = new CheckoutUpdated(CheckoutId.of(id), checkout.string("token"),
                shopper(checkout, checkout.string("email")), lines(checkout, null, null),
                taxedMoney(checkout, "totalPrice"), null, updatedAt, null);
        return new Mapped(payload, id, updatedAt);
    }

    /** {@code customer_created|updated}: a {@code CustomerUpdated} for the {@code user}. */
    static Mapped customerUpdated(JsonView user, Instant fallbackTime) {
        String id = user.requireId("id");
        Instant updatedAt = firstNonNull(user.instant("updatedAt"), fallbackTime);
        Shopper shopper = new Shopper(CustomerId.of(id), user.string("firstName"), user.string("lastName"),
                user.string("email"), null, List.of());
        return new Mapped(new CustomerUpdated(shopper, updatedAt), id, updatedAt);
    }

    /** The object's {@code user} (absent for a guest), with the object's own e-mail preferred. */
    private static Shopper shopper(JsonView object, String objectEmail) {
        JsonView user = object.object("user").orElse(null);
        if (user == null) {
            return new Shopper(null, null, null, objectEmail, null, List.of());
        }
        String customer = user.id("id");
        return new Shopper(customer == null ? null : CustomerId.of(customer), user.string("firstName"),
                user.string("lastName"), objectEmail != null ? objectEmail : user.string("email"), null, List.of());
    }

    /** The lines, or none if any line lacks its unit price (then the engine fetches them). */
    private static List<LineItem> lines(JsonView object, String titleField, String skuField) {
        List<JsonView> views = object.objects("lines");
        List<LineItem> lines = new ArrayList<>(views.size());
        for (JsonView line : views) {
            Money unitPrice = taxedMoney(line, "unitPrice");
            if (unitPrice == null) {
                return List.of();
            }
            JsonView variant = line.object("variant").orElse(null);
            JsonView product = variant == null ? null : variant.object("product").orElse(null);
            String productId = product == null ? null : product.id("id");
            String title = titleField != null ? line.string(titleField) : null;
            if (title == null) {
                title = product == null ? null : product.string("name");
            }
            String sku = skuField != null ? line.string(skuField) : null;
            if (sku == null && variant != null) {
                sku = variant.string("sku");
            }
            lines.add(new LineItem(productId == null ? null : ProductId.of(productId),
                    variant == null ? null : variant.id("id"), sku, title == null ? "" : title,
                    line.requireCount("quantity"), unitPrice));
        }
        return lines;
    }

    /** A {@code TaxedMoney} field ({@code {"gross": {"amount": 12.5, "currency": "EUR"}}}); null if absent. */
    private static Money taxedMoney(JsonView view, String name) {
        JsonView taxed = view.object(name).orElse(null);
        if (taxed == null) {
            return null;
        }
        JsonView gross = taxed.requireObject("gross");
        BigDecimal amount = gross.decimal("amount");
        if (amount == null) {
            throw new MalformedPayloadException(gross.pathOf("amount") + " is missing");
        }
        String code = gross.requireString("currency");
        try {
            return new Money(amount, Currency.getInstance(code));
        } catch (IllegalArgumentException e) {
            throw gross.malformed("currency", "is not an ISO 4217 code: '" + Excerpt.of(code) + "'");
        }
    }

    private static Instant firstNonNull(Instant first, Instant fallback) {
        return first != null ? first : fallback;
    }
}
