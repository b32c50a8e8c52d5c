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
        Subject subject = Subject.of(body, "no one asked for their data");
        String requestId = body.object("data_request").map(request -> request.id("id")).orElse(null);
        DataAccessRequested payload = new DataAccessRequested(subject.customer(), subject.email(), subject.phone(),
                subject.orders("orders_requested"), requestId);
        return new Mapped(payload, requestId != null ? requestId : subject.id(), null, null);
    }

    /** Body: {@code {"shop_id", "shop_domain", "customer": {"id", "email", "phone"}, "orders_to_redact": [...]}}. */
    static Mapped customerRedact(JsonView body, Delivery delivery) {
        Subject subject = Subject.of(body, "there is no one to erase");
        DataErasureRequested payload = new DataErasureRequested(DataErasureRequested.Scope.CUSTOMER,
                subject.customer(), subject.email(), subject.phone(), subject.orders("orders_to_redact"));
        return new Mapped(payload, subject.id(), null, null);
    }

    /** The customer a GDPR request is about; at least one of id, email and phone is present. */
    private record Subject(JsonView body, String id, String email, String phone) {

        static Subject of(JsonView body, String withoutAnyone) {
            JsonView customer = body.requireObject("customer");
            Subject subject = new Subject(body, customer.id("id"), customer.string("email"),
                    customer.string("phone"));
            if (subject.id == null && subject.email == null && subject.phone == null) {
                throw new MalformedPayloadException(
                        body.pathOf("customer") + " has no id, email or phone, so " + withoutAnyone);
            }
            return subject;
        }

        CustomerId customer() {
            return id == null ? null : CustomerId.of(id);
        }

        List<OrderId> orders(String field) {
            return body.ids(field).stream().map(OrderId::of).toList();
        }
    }

    /** Body: {@code {"shop_id", "shop_domain"}}. */
    static Mapped shopRedact(JsonView body, Delivery delivery) {
        DataErasureRequested payload = new DataErasureRequested(DataErasureRequested.Scope.SHOP, null, null, null,
                List.of());
        return new Mapped(payload, body.id("shop_id"), null, null);
    }
}
