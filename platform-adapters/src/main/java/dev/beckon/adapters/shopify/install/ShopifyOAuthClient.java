package dev.beckon.adapters.shopify.install;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.temporal.ChronoUnit;

/**
 * Shopify's token endpoint, {@code POST https://{shop}/admin/oauth/access_token}, as a MicroProfile REST client
 * (built per shop by {@link ShopifyTokenExchange}). Not retried: an authorization code is good once.
 */
// No class-level @Path: the suite's JAX-RS runtime scans its libraries and would take this client interface for a
// server resource. Each method carries its full path instead.
public interface ShopifyOAuthClient {

    /**
     * @param request {@code {client_id, client_secret, code}}
     * @return {@code {access_token, scope}}
     */
    @POST
    @Path("/admin/oauth/access_token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    JsonObject accessToken(JsonObject request);
}
