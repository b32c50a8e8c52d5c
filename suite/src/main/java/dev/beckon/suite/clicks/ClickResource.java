package dev.beckon.suite.clicks;

import dev.beckon.api.model.MessageId;
import dev.beckon.engine.ProactiveEngine;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import dev.beckon.suite.web.HtmlPage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code GET /r/{token}}: a shopper followed a link of a message. Records the click on the message (the journey's
 * stats count it, attribution uses it) and answers 302 to the original URL; an unknown token gets a 404 page.
 * Public: the token is the credential.
 */
@Path("r/{token}")
@RequestScoped
public class ClickResource {

    private static final System.Logger LOG = System.getLogger(ClickResource.class.getName());

    @Inject
    JdbcClickLinks links;

    @Inject
    ProactiveEngine engine;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A tracked link of a message: records the click and redirects to the original URL")
    public Response follow(@PathParam("token") String token) {
        Optional<JdbcClickLinks.Target> target = links.find(token);
        if (target.isEmpty()) {
            return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("X-Content-Type-Options", "nosniff")
                    .entity(HtmlPage.notice("Link not found",
                            "This link is not known. If you copied it, check that it is complete."))
                    .build();
        }
        if (!engine.recordClick(MessageId.of(target.get().messageId()), clock.instant())) {
            LOG.log(System.Logger.Level.WARNING, "click on link {0}: message {1} is gone; redirecting anyway", token,
                    target.get().messageId());
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(Response.Status.FOUND).location(URI.create(target.get().url()))
                .cacheControl(noStore).build();
    }
}
