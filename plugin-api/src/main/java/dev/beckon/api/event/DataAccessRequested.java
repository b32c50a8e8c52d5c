package dev.beckon.api.event;

import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.OrderId;

import java.util.List;

/**
 * A shopper asked the store for the data held on them (Shopify {@code customers/data_request}); the merchant must
 * answer within 30 days. Beckon records the request where the merchant sees it (the shop's events and the shopper's
 * timeline, which is also the data Beckon holds on them).
 *
 * @param customer  null if only an address is known
 * @param email     null if not given
 * @param phone     null if not given
 * @param orders    orders named in the request; never null
 * @param requestId the platform's id of the request; null if it gave none
 */
public record DataAccessRequested(CustomerId customer, String email, String phone, List<OrderId> orders,
                                  String requestId) implements EventPayload {

    public DataAccessRequested {
        if (customer == null && email == null && phone == null) {
            throw new IllegalArgumentException("a data request names a customer id, an email or a phone");
        }
        orders = orders == null ? List.of() : List.copyOf(orders);
    }
}
