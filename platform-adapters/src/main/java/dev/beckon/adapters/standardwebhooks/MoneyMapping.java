package dev.beckon.adapters.standardwebhooks;

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

/**
 * The {@code money} and {@code line} shapes of the envelope:
 * <pre>{@code
 * "total": {"amount": "12.50", "currency": "EUR"}
 * "lines": [{"product_id": "prod_01", "variant_id": "variant_01", "sku": "TEE-S", "title": "Tee S",
 *            "quantity": 2, "unit_price": {"amount": "6.25", "currency": "EUR"}}]
 * }</pre>
 * Amounts are decimal strings (a JSON number is read exactly too); currencies are ISO 4217 codes in upper case.
 */
final class MoneyMapping {

    private MoneyMapping() {
    }

    /** The {@code lines} of {@code data}; empty if absent. */
    static List<LineItem> lines(JsonView data) {
        List<JsonView> items = data.objects("lines");
        List<LineItem> lines = new ArrayList<>(items.size());
        for (JsonView item : items) {
            String product = item.id("product_id");
            lines.add(new LineItem(
                    product == null ? null : ProductId.of(product),
                    item.id("variant_id"),
                    item.string("sku"),
                    item.string("title"),
                    item.requireCount("quantity"),
                    money(item.requireObject("unit_price"))));
        }
        return lines;
    }

    /** The money object {@code name} of {@code view}; null if absent. */
    static Money optional(JsonView view, String name) {
        return view.object(name).map(MoneyMapping::money).orElse(null);
    }

    private static Money money(JsonView money) {
        BigDecimal amount = money.decimal("amount");
        if (amount == null) {
            throw new MalformedPayloadException(money.pathOf("amount") + " is missing");
        }
        String code = money.requireString("currency");
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw money.malformed("currency", "is not an ISO 4217 code: '" + Excerpt.of(code) + "'");
        }
        return new Money(amount, currency);
    }
}
