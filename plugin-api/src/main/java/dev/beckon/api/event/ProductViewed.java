package dev.beckon.api.event;

import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.ProductId;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A storefront visitor viewed a product. No platform sends this server-side; the storefront collector does.
 *
 * @param product   never null
 * @param visitorId the collector's anonymous visitor id; never null
 * @param customer  null for an anonymous visitor
 * @param url       the page; null if unknown
 * @param viewedAt  never null
 */
public record ProductViewed(ProductId product, String visitorId, CustomerId customer, URI url, Instant viewedAt)
        implements EventPayload {

    public ProductViewed {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(visitorId, "visitorId");
        Objects.requireNonNull(viewedAt, "viewedAt");
    }
}
