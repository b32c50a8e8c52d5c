package dev.beckon.suite.install;

import dev.beckon.adapters.admin.CustomerContact;
import dev.beckon.adapters.admin.DiscountCode;
import dev.beckon.adapters.admin.DiscountSpec;
import dev.beckon.adapters.admin.ShopCredentials;
import dev.beckon.adapters.bigcommerce.admin.BigCommerceAdminApi;
import dev.beckon.adapters.http.PlatformUnavailableException;
import dev.beckon.api.model.CheckoutId;
import dev.beckon.api.model.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * BigCommerce's admin API under MicroProfile Fault Tolerance at the level of one whole Beckon call (rate-limit waits
 * included): a {@code @Timeout} above the client's own and a {@code @CircuitBreaker} per method that opens when half
 * of 20 calls find BigCommerce unavailable. Retries are NOT declared here: in Payara the REST client interfaces built
 * with RestClientBuilder are intercepted too, so their own {@code @Retry} (reads only, 2 retries with jitter on
 * {@link PlatformUnavailableException}) already applies; a second {@code @Retry} here multiplied the attempts to 9
 * (measured in InstallIT). Use it through {@link AdminApiCalls}.
 */
@ApplicationScoped
public class BigCommerceAdminCalls {

    @Inject
    BigCommerceAdminApi api;

    @Timeout(value = 45, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = PlatformUnavailableException.class)
    public CustomerContact customer(ShopCredentials shop, CustomerId customer) {
        return api.customer(shop, customer);
    }

    @Timeout(value = 45, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = PlatformUnavailableException.class)
    public DiscountCode createSingleUseDiscount(ShopCredentials shop, DiscountSpec spec) {
        return api.createSingleUseDiscount(shop, spec);
    }

    @Timeout(value = 45, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = PlatformUnavailableException.class)
    public Optional<URI> checkoutRecoveryUrl(ShopCredentials shop, CheckoutId checkout) {
        return api.checkoutRecoveryUrl(shop, checkout);
    }
}
