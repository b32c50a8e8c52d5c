package dev.beckon.adapters.shopify;

import dev.beckon.adapters.json.Excerpt;
import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;
import dev.beckon.api.model.LineItem;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.ProductId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Lines and totals of a checkout or an order. Amounts are in the body's {@code currency} (the shop currency), not
 * in {@code presentment_currency}; they are decimals, never {@code double}.
 */
final class LineItemMapping {

    private LineItemMapping() {
    }

    /** The {@code line_items}; empty if the body has none. */
    static List<LineItem> lines(JsonView body) {
        List<JsonView> items = body.objects("line_items");
        if (items.isEmpty()) {
            return List.of();
        }
        Currency currency = currency(body);
        List<LineItem> lines = new ArrayList<>(items.size());
        for (JsonView item : items) {
            String product = item.id("product_id");
            lines.add(new LineItem(
                    product == null ? null : ProductId.of(product),
                    item.id("variant_id"),
                    item.string("sku"),
                    item.string("title"),
                    item.requireCount("quantity"),
                    money(item, "price", currency, true)));
        }
        return lines;
    }

    /** The {@code total_price}; null if the body has none. */
    static Money total(JsonView body) {
        if (body.decimal("total_price") == null) {
            return null;
        }
        return money(body, "total_price", currency(body), false);
    }

    private static Money money(JsonView view, String name, Currency currency, boolean required) {
        BigDecimal amount = view.decimal(name);
        if (amount == null) {
            if (required) {
                throw new MalformedPayloadException(view.pathOf(name) + " is missing");
            }
            return null;
        }
        return new Money(amount, currency);
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
