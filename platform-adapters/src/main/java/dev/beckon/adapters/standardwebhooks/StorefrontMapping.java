package dev.beckon.adapters.standardwebhooks;

import dev.beckon.adapters.json.JsonView;
import dev.beckon.api.event.AppUninstalled;
import dev.beckon.api.event.ProductViewed;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.ProductId;

import java.time.Instant;

/** {@code product.viewed} (a storefront beacon forwarded by the store) and {@code app.uninstalled}. */
final class StorefrontMapping {

    private StorefrontMapping() {
    }

    /** {@code {"product_id"*, "visitor_id"*, "customer_id", "url", "viewed_at"}}. */
    static Mapped productViewed(JsonView data, Delivery delivery) {
        String customer = data.id("customer_id");
        Instant viewedAt = delivery.timeOr(data.instant("viewed_at"));
        ProductViewed payload = new ProductViewed(ProductId.of(data.requireId("product_id")),
                data.requireId("visitor_id"), customer == null ? null : CustomerId.of(customer), data.link("url"),
                viewedAt);
        return new Mapped(payload, viewedAt);
    }

    /** {@code {"shop_domain"}}; the registered domain when absent. */
    static Mapped appUninstalled(JsonView data, Delivery delivery) {
        String domain = data.string("shop_domain");
        return new Mapped(new AppUninstalled(domain == null ? delivery.shopDomain() : domain),
                delivery.fallbackTime());
    }
}
