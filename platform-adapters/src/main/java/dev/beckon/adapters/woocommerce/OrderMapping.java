package dev.beckon.adapters.woocommerce;

import dev.beckon.adapters.json.Excerpt;
import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.OrderFulfilled;
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
import java.util.Locale;
import java.util.Optional;

/**
 * {@code order.created} and {@code order.updated}, both carrying the REST order, mapped by its {@code status}.
 * WooCommerce has no checkout object: classic checkout creates the order as {@code pending} before the shopper
 * pays, so an unpaid order is the checkout.
 *
 * <table>
 *   <caption>Status to canonical events</caption>
 *   <tr><th>status</th><th>events</th><th>why</th></tr>
 *   <tr><td>{@code pending}, {@code failed}</td><td>{@code CheckoutUpdated}</td><td>the shopper has not paid
 *       (or payment failed): an abandonable checkout whose id is the order id and whose recovery link is the
 *       order's {@code payment_url}. Orders created in the admin ({@code created_via: admin}) are no shopper's
 *       checkout and are skipped.</td></tr>
 *   <tr><td>{@code processing}, {@code on-hold}</td><td>{@code OrderPlaced}</td><td>paid, or committed to an
 *       offline payment (bank transfer, cheque): the purchase is made and its checkout journey ends
 *       ({@code checkout} is the same order id).</td></tr>
 *   <tr><td>{@code completed}</td><td>{@code OrderPlaced} and {@code OrderFulfilled}</td><td>WooCommerce's
 *       "fulfilled and complete"; placed too, because WooCommerce never retries and the earlier delivery may
 *       have been lost, or the order went straight to completed (virtual goods).</td></tr>
 *   <tr><td>{@code cancelled}, {@code refunded}, {@code checkout-draft}, {@code trash}, custom statuses</td>
 *       <td>none ({@code Ignored})</td><td>no canonical event says so; an unpaid cancelled order's checkout
 *       simply sees no order.</td></tr>
 * </table>
 *
 * <p>Shopper: {@code customer_id} (0 is a guest), {@code billing.first_name}, {@code last_name}, {@code email},
 * {@code phone}; no consents (WooCommerce has no marketing consent in core). Lines: {@code line_items} with
 * {@code product_id} and {@code variation_id} (0 is none), {@code sku}, {@code name}, {@code quantity} and
 * {@code price} (the unit price after discounts, before tax, as WooCommerce computes it). Total: {@code total}.
 * All in the order's {@code currency}.
 */
final class OrderMapping {

    private OrderMapping() {
    }

    static Mapped order(JsonView body, byte[] rawBody, Instant receivedAt) {
        Resource order = Resource.of("order", body, rawBody, receivedAt);
        String status = body.requireString("status").toLowerCase(Locale.ROOT);
        return switch (status) {
            case "pending", "failed" -> checkout(body, order, status);
            case "processing", "on-hold" -> new Mapped.Events(List.of(placed(body, order, status)));
            case "completed" -> new Mapped.Events(List.of(placed(body, order, status), fulfilled(body, order)));
            default -> new Mapped.Skipped("order status " + Excerpt.of(status) + " is not used by Beckon");
        };
    }

    private static Mapped checkout(JsonView body, Resource order, String status) {
        if ("admin".equals(body.string("created_via"))) {
            return new Mapped.Skipped("a " + status + " order created in the admin is no shopper's checkout");
        }
        CheckoutUpdated payload = new CheckoutUpdated(
                CheckoutId.of(order.id()),
                body.string("cart_hash"),
                shopper(body),
                lines(body),
                total(body),
                body.link("payment_url"),
                order.updatedAt(),
                null);
        return new Mapped.Events(List.of(new Mapped.Event(payload, order.updatedAt(), order.dedupKey(status))));
    }

    private static Mapped.Event placed(JsonView body, Resource order, String status) {
        Instant placedAt = order.createdAt() != null ? order.createdAt() : order.updatedAt();
        OrderPlaced payload = new OrderPlaced(
                OrderId.of(order.id()),
                name(body),
                CheckoutId.of(order.id()),
                body.string("cart_hash"),
                shopper(body),
                lines(body),
                total(body),
                placedAt);
        return new Mapped.Event(payload, order.updatedAt(), order.dedupKey(status));
    }

    private static Mapped.Event fulfilled(JsonView body, Resource order) {
        Instant completedAt = body.utcInstant("date_completed_gmt");
        Instant fulfilledAt = completedAt != null ? completedAt : order.updatedAt();
        OrderFulfilled payload = new OrderFulfilled(OrderId.of(order.id()), shopper(body), null, false, fulfilledAt);
        return new Mapped.Event(payload, order.updatedAt(), order.dedupKey("completed") + ":fulfilled");
    }

    /** {@code #} and the order {@code number} (which plugins may change), as WooCommerce shows it. */
    private static String name(JsonView body) {
        String number = body.firstString("number", "id");
        return number == null ? "" : "#" + number;
    }

    private static Shopper shopper(JsonView body) {
        String customer = body.id("customer_id");
        Optional<JsonView> billing = body.object("billing");
        return new Shopper(
                customer == null || "0".equals(customer) ? null : CustomerId.of(customer),
                billing.map(b -> b.string("first_name")).orElse(null),
                billing.map(b -> b.string("last_name")).orElse(null),
                billing.map(b -> b.string("email")).orElse(null),
                billing.map(b -> b.string("phone")).orElse(null),
                List.of());
    }

    private static List<LineItem> lines(JsonView body) {
        List<JsonView> items = body.objects("line_items");
        if (items.isEmpty()) {
            return List.of();
        }
        Currency currency = currency(body);
        List<LineItem> lines = new ArrayList<>(items.size());
        for (JsonView item : items) {
            BigDecimal price = item.decimal("price");
            if (price == null) {
                throw new MalformedPayloadException(item.pathOf("price") + " is missing");
            }
            lines.add(new LineItem(
                    Optional.ofNullable(nonZeroId(item, "product_id")).map(ProductId::of).orElse(null),
                    nonZeroId(item, "variation_id"),
                    item.string("sku"),
                    item.string("name"),
                    item.requireCount("quantity"),
                    new Money(price, currency)));
        }
        return lines;
    }

    private static Money total(JsonView body) {
        BigDecimal total = body.decimal("total");
        return total == null ? null : new Money(total, currency(body));
    }

    /** An id where WooCommerce writes 0 for "none" (a deleted product, a simple product's variation). */
    private static String nonZeroId(JsonView view, String name) {
        String id = view.id(name);
        return id == null || "0".equals(id) ? null : id;
    }

    private static Currency currency(JsonView body) {
        String code = body.string("currency");
        if (code == null) {
            throw new MalformedPayloadException(body.pathOf("currency") + " is missing, so amounts have no currency");
        }
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw body.malformed("currency", "is not an ISO 4217 code: '" + Excerpt.of(code) + "'");
        }
    }
}
