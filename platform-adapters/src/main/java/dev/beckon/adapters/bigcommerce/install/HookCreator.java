package dev.beckon.adapters.bigcommerce.install;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Creates a freshly installed store's webhooks. Implemented over {@code POST /stores/{hash}/v3/hooks} by {@code
 * dev.beckon.adapters.bigcommerce.admin.BigCommerceHooks}; a port, so the install does not depend on the admin
 * client. Implementations are thread-safe and blocking.
 */
public interface HookCreator {

    /**
     * A webhook made.
     *
     * @param scope {@code store/order/created}; never null
     * @param id    BigCommerce's hook id, as text; never null
     */
    record Hook(String scope, String id) {

        public Hook {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * @param made     never null
     * @param problems one line per scope that failed, safe to show; never null
     */
    record Hooks(List<Hook> made, List<String> problems) {

        public Hooks {
            made = List.copyOf(made);
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param storeHash   never null
     * @param accessToken never null
     * @param destination Beckon's webhook URL for the store (https, port 443); never null
     * @return never null
     */
    Hooks create(String storeHash, String accessToken, URI destination);
}
