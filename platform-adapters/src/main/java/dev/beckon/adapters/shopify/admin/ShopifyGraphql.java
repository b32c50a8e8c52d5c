package dev.beckon.adapters.shopify.admin;

import dev.beckon.adapters.http.PlatformUnavailableException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.temporal.ChronoUnit;

/**
 * Shopify's GraphQL Admin endpoint, {@code POST https://{shop}/admin/api/{version}/graphql.json} with the header
 * {@code X-Shopify-Access-Token}, as a MicroProfile REST client. Build it with {@link ShopifyClients}.
 *
 * <p>The Fault Tolerance annotations act where a Fault Tolerance implementation intercepts the client (CDI-managed
 * clients in Payara); elsewhere the throttle and {@link dev.beckon.adapters.http.BoundedRetry} still pace calls and
 * wait out {@code 429}/{@code THROTTLED}. Only reads are retried on {@code 5xx} or no answer: a mutation that timed
 * out may have happened.
 */
// No class-level @Path: the suite's JAX-RS runtime scans its libraries and would take this client interface for a
// server resource. Each method carries its full path instead.
public interface ShopifyGraphql {

    /** The header carrying the shop's access token. */
    String ACCESS_TOKEN = "X-Shopify-Access-Token";

    /**
     * A read-only query.
     *
     * @param body {@code {"query": ..., "variables": {...}}}
     * @return the whole answer: {@code data}, {@code errors}, {@code extensions}
     */
    @POST
    @Path("/admin/api/{version}/graphql.json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, jitter = 250, retryOn = {PlatformUnavailableException.class,
        ProcessingException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = {PlatformUnavailableException.class, ProcessingException.class})
    JsonObject query(@PathParam("version") String version, @HeaderParam(ACCESS_TOKEN) String accessToken,
            JsonObject body);

    /**
     * A mutation: not retried by Fault Tolerance.
     *
     * @param body {@code {"query": "mutation ...", "variables": {...}}}
     * @return the whole answer
     */
    @POST
    @Path("/admin/api/{version}/graphql.json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = {PlatformUnavailableException.class, ProcessingException.class})
    JsonObject mutate(@PathParam("version") String version, @HeaderParam(ACCESS_TOKEN) String accessToken,
            JsonObject body);
}
