package dev.beckon.adapters.bigcommerce.install;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.temporal.ChronoUnit;

/**
 * BigCommerce's token endpoint, {@code POST https://login.bigcommerce.com/oauth2/token}, as a MicroProfile REST
 * client. Not retried: an authorization code is good once.
 */
// No class-level @Path: the suite's JAX-RS runtime scans its libraries and would take this client interface for a
// server resource. Each method carries its full path instead.
public interface BigCommerceOAuthClient {

    /**
     * @param request {@code {client_id, client_secret, code, context, scope, grant_type, redirect_uri}}
     * @return {@code {access_token, scope, user{id, email}, owner, context, account_uuid}}
     */
    @POST
    @Path("/oauth2/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    JsonObject token(JsonObject request);
}
