package dev.beckon.adapters.admin;

import dev.beckon.adapters.http.PlatformCallException;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.CustomerId;

import java.net.URI;
import java.util.Optional;

/**
 * The calls the engine makes to a store platform's admin API while running a journey. One implementation per
 * platform ({@code ShopifyAdminApi}, {@code BigCommerceAdminApi}).
 *
 * <p>Blocking: each method does one to three HTTP calls on the calling thread, paced by the shop's rate limit. A
 * platform's "slow down" ({@code 429}, GraphQL {@code THROTTLED}) is waited out a bounded number of times instead of
 * failing the journey. Any failure is a {@link PlatformCallException} whose kind says what to do (retry later,
 * re-install, give up); nothing else is thrown for a bad answer. Implementations are thread-safe.
 */
public interface StoreAdminApi {

    /**
     * The customer's email, phone and marketing consent as the platform holds them now.
     *
     * @throws PlatformCallException {@code NOT_FOUND} if the platform has no such customer
     */
    CustomerContact customer(ShopCredentials shop, CustomerId customer);

    /**
     * Creates a discount code usable once.
     *
     * @throws PlatformCallException {@code REJECTED} with the platform's reason (e.g. the code exists already)
     */
    DiscountCode createSingleUseDiscount(ShopCredentials shop, DiscountSpec spec);

    /**
     * Where the shopper can pick the checkout up again.
     *
     * @return empty if the platform has no such open checkout (completed, expired or unknown)
     */
    Optional<URI> checkoutRecoveryUrl(ShopCredentials shop, CheckoutId checkout);
}
