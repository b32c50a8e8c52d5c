package dev.beckon.engine.templates;

import dev.beckon.api.model.Money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a message template can show. Every field but {@code lines} may be null, which a template sees as a missing
 * variable (rendered empty and reported). Immutable.
 *
 * <p>Template variables: {@code shopName}, {@code firstName}, {@code orderName}, {@code lines} (each with
 * {@code name}, {@code quantity}, {@code price}, {@code lineTotal}), {@code itemCount}, {@code total},
 * {@code recoveryUrl}, {@code productUrl}, {@code discountCode}, {@code discountText}, {@code videoUrl},
 * {@code trackingUrl}. Money is formatted for the renderer's locale in its own currency.
 *
 * @param shopName     the shop's name as shoppers know it
 * @param firstName    the shopper's first name
 * @param orderName    the order's name ({@code #1001})
 * @param lines        cart, checkout or order lines; never null
 * @param total        the cart, checkout or order total
 * @param recoveryUrl  where the shopper resumes the checkout
 * @param productUrl   the product page (browse abandonment)
 * @param discountCode a single-use code created for this run
 * @param discountText what the code gives ({@code 10%}, {@code €5.00})
 * @param videoUrl     the link to the shopper's video page
 * @param trackingUrl  the carrier's tracking page
 */
public record MessageModel(String shopName, String firstName, String orderName, List<Line> lines, Money total,
                           String recoveryUrl, String productUrl, String discountCode, String discountText,
                           String videoUrl, String trackingUrl) {

    /** An empty model. */
    public static final MessageModel EMPTY = new MessageModel(null, null, null, List.of(), null, null, null, null,
            null, null, null);

    /**
     * One line.
     *
     * @param name      never null, may be empty
     * @param quantity  at least 0
     * @param unitPrice never null
     */
    public record Line(String name, int quantity, Money unitPrice) {

        public Line {
            name = name == null ? "" : name;
            Objects.requireNonNull(unitPrice, "unitPrice");
            if (quantity < 0) {
                throw new IllegalArgumentException("quantity must not be negative: " + quantity);
            }
        }

        public Money total() {
            return unitPrice.times(quantity);
        }
    }

    public MessageModel {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public MessageModel withShopName(String name) {
        return new MessageModel(name, firstName, orderName, lines, total, recoveryUrl, productUrl, discountCode,
                discountText, videoUrl, trackingUrl);
    }

    /**
     * The model as a Mustache scope: nested maps, lists and strings only, null fields left out.
     */
    public Map<String, Object> toScope(MoneyFormat money) {
        Map<String, Object> scope = new LinkedHashMap<>();
        put(scope, "shopName", shopName);
        put(scope, "firstName", firstName);
        put(scope, "orderName", orderName);
        List<Map<String, Object>> lineScopes = new ArrayList<>();
        int items = 0;
        for (Line line : lines) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("name", line.name());
            l.put("quantity", String.valueOf(line.quantity()));
            l.put("price", money.format(line.unitPrice()));
            l.put("lineTotal", money.format(line.total()));
            lineScopes.add(l);
            items += line.quantity();
        }
        scope.put("lines", lineScopes);
        scope.put("itemCount", String.valueOf(items));
        put(scope, "total", total == null ? null : money.format(total));
        put(scope, "recoveryUrl", recoveryUrl);
        put(scope, "productUrl", productUrl);
        put(scope, "discountCode", discountCode);
        put(scope, "discountText", discountText);
        put(scope, "videoUrl", videoUrl);
        put(scope, "trackingUrl", trackingUrl);
        return scope;
    }

    private static void put(Map<String, Object> scope, String key, String value) {
        if (value != null && !value.isEmpty()) {
            scope.put(key, value);
        }
    }
}
