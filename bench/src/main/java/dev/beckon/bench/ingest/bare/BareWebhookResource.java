package dev.beckon.bench.ingest.bare;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Reads the webhook body and answers 200: the same request shape as Beckon's, none of the work. */
@Path("webhooks/{platform}/{shopId}")
public class BareWebhookResource {

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public String receive(@PathParam("platform") String platform, @PathParam("shopId") String shopId, byte[] body) {
        return "{\"status\":\"accepted\",\"bytes\":" + body.length + "}";
    }
}
