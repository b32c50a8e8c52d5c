package dev.beckon.suite.conversations;

import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.ShopResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The shop's conversations inbox: what shoppers wrote back, newest first. */
@Path("api/shops/{shopId}/conversations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conversations")
@SecurityRequirement(name = "bearer")
public class ConversationResource {

    static final int MAX_LIMIT = 500;

    @Inject
    JdbcShopStore shops;

    @Inject
    JdbcConversations conversations;

    @GET
    @Operation(summary = "Messages shoppers wrote back (today: the reply box of the video landing page)")
    public List<JdbcConversations.Message> list(@PathParam("shopId") String shopId,
                                                @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ProblemException(400, "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return conversations.list(ShopResource.find(shops, shopId).id(), limit);
    }
}
