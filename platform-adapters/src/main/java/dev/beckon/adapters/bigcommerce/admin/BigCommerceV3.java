package dev.beckon.adapters.bigcommerce.admin;

import dev.beckon.adapters.http.PlatformUnavailableException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.temporal.ChronoUnit;

/**
 * BigCommerce's REST Management API, {@code https://api.bigcommerce.com/stores/{hash}/v3}, with the header {@code
 * X-Auth-Token}, as a MicroProfile REST client. Build it with {@link BigCommerceClients}.
 *
 * <p>Fault Tolerance acts where an implementation intercepts the client (CDI-managed clients in Payara); elsewhere
 * the throttle and {@link dev.beckon.adapters.http.BoundedRetry} still pace calls and wait out {@code 429}. Reads and
 * idempotent calls are retried on {@code 5xx} or no answer; creations are not, so a timed-out create is not doubled.
 */
// No class-level @Path: the suite's JAX-RS runtime scans its libraries and would take this client interface for a
// server resource. Each method carries its full path instead.
@Produces(MediaType.APPLICATION_JSON)
public interface BigCommerceV3 {

    /** The header carrying the store's access token. */
    String AUTH_TOKEN = "X-Auth-Token";

    /**
     * {@code GET /customers?id:in=…}: {@code {data: [{id, email, phone,
     * accepts_product_review_abandoned_cart_emails}]}}.
     */
    @GET
    @Path("/stores/{hash}/v3/customers")
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PlatformUnavailableException.class,
        ProcessingException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = {PlatformUnavailableException.class, ProcessingException.class})
    JsonObject customers(@PathParam("hash") String storeHash, @HeaderParam(AUTH_TOKEN) String accessToken,
            @QueryParam("id:in") String ids);

    /** {@code POST /promotions}: {@code {data: {id, …}}}. */
    @POST
    @Path("/stores/{hash}/v3/promotions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = {PlatformUnavailableException.class, ProcessingException.class})
    JsonObject createPromotion(@PathParam("hash") String storeHash, @HeaderParam(AUTH_TOKEN) String accessToken,
            JsonObject promotion);

    /** {@code POST /promotions/{id}/codes}: {@code {data: {id, code, …}}}. */
    @POST
    @Path("/stores/{hash}/v3/promotions/{promotionId}/codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = {PlatformUnavailableException.class, ProcessingException.class})
    JsonObject createCouponCode(@PathParam("hash") String storeHash, @HeaderParam(AUTH_TOKEN) String accessToken,
            @PathParam("promotionId") String promotionId, JsonObject code);

    /** {@code POST /carts/{cartId}/redirect_urls}: {@code {data: {cart_url, checkout_url, embedded_checkout_url}}}. */
    @POST
    @Path("/stores/{hash}/v3/carts/{cartId}/redirect_urls")
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PlatformUnavailableException.class,
        ProcessingException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = {PlatformUnavailableException.class, ProcessingException.class})
    JsonObject redirectUrls(@PathParam("hash") String storeHash, @HeaderParam(AUTH_TOKEN) String accessToken,
            @PathParam("cartId") String cartId);

    /** {@code POST /hooks}: {@code {data: {id, scope, destination, is_active, …}}}. */
    @POST
    @Path("/stores/{hash}/v3/hooks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    JsonObject createHook(@PathParam("hash") String storeHash, @HeaderParam(AUTH_TOKEN) String accessToken,
            JsonObject hook);
}
