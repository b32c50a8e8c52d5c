package dev.beckon.api.event;

import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.OrderId;

import java.util.List;
import java.util.Objects;

/**
 * The platform asks to erase personal data (Shopify {@code customers/redact}, {@code shop/redact}).
 * Everything Beckon holds on the subject goes, videos included.
 *
 * @param scope    one customer or the whole shop; never null
 * @param customer the customer for {@link Scope#CUSTOMER}; may be null if only address is known
 * @param email    null if not given
 * @param phone    null if not given
 * @param orders   orders named in the request; never null
 */
public record DataErasureRequested(Scope scope, CustomerId customer, String email, String phone,
                                   List<OrderId> orders) implements EventPayload {

    public enum Scope {
        CUSTOMER,
        SHOP
    }

    public DataErasureRequested {
        Objects.requireNonNull(scope, "scope");
        orders = orders == null ? List.of() : List.copyOf(orders);
    }
}
