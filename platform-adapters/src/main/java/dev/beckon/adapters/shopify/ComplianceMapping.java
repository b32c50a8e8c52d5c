package dev.beckon.adapters.shopify;

import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;
import dev.beckon.api.event.AppUninstalled;
import dev.beckon.api.event.DataAccessRequested;
import dev.beckon.api.event.DataErasureRequested;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.OrderId;

import java.util.List;

/**
 * The topics a Shopify app must honour whatever it does: {@code app/uninstalled} to {@link AppUninstalled},
 * the GDPR {@code customers/redact} and {@code shop/redact} to {@link DataErasureRequested}, and
 * {@code customers/data_request} to {@link DataAccessRequested}.
 */
final class ComplianceMapping {

    private ComplianceMapping() {
    }

    /** The body is the Shop object; its {@code myshopify_domain} may be null, so the domain is the delivery's. */
    static Mapped appUninstalled(JsonView body, Delivery delivery) {
        return new Mapped(new AppUninstalled(delivery.shopDomain()), body.id("id"), body.instant("updated_at"),
                body.instant("created_at"));
    }

    /**
     * Body: {@code {"shop_id", "shop_domain", "customer": {"id", "email", "phone"}, "orders_requested": [...],
     * "data_request": {"id"}}}.
     */
    static Mapped customerDataRequest(JsonView body, Delivery delivery) {
        JsonView customer = body.requireObject("customer");
        String id = customer.id("id");
        String email = customer.string("email");
        String phone = customer.string("phone");
        if (id == null && email == null && phone == null) {
            throw new MalformedPayloadException(
                    body.pathOf("customer") + " has no id, email or phone, so no one asked for their data");
        }
        List<OrderId> orders = body.ids("orders_requested").stream().map(OrderId::of).toList();
        String requestId = body.object("data_request").map(request -> request.id("id")).orElse(null);
        DataAccessRequested payload = new DataAccessRequested(id == null ? null : CustomerId.of(id), email, phone,
                orders, requestId);
        return new Mapped(payload, requestId != null ? requestId : id, null, null);
    }

    /** Body: {@code {"shop_id", "shop_domain", "customer": {"id", "email", "phone"}, "orders_to_redact": [...]}}. */
    static Mapped customerRedact(JsonView body, Delivery delivery) {
        JsonView customer = body.requireObject("customer");
        String id = customer.id("id");
        String email = customer.string("email");
        String phone = customer.string("phone");
        if (id == null && email == null && phone == null) {
            throw new MalformedPayloadException(
                    body.pathOf("customer") + " has no id, email or phone, so there is no one to erase");
        }
        List<OrderId> orders = body.ids("orders_to_redact").stream().map(OrderId::of).toList();
        DataErasureRequested payload = new DataErasureRequested(DataErasureRequested.Scope.CUSTOMER,
                id == null ? null : CustomerId.of(id), email, phone, orders);
        return new Mapped(payload, id, null, null);
    }

    /** Body: {@code {"shop_id", "shop_domain"}}. */
    static Mapped shopRedact(JsonView body, Delivery delivery) {
        DataErasureRequested payload = new DataErasureRequested(DataErasureRequested.Scope.SHOP, null, null, null,
                List.of());
        return new Mapped(payload, body.id("shop_id"), null, null);
    }
}
