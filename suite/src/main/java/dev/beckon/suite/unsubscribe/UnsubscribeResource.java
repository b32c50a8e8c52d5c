package dev.beckon.suite.unsubscribe;

import dev.beckon.api.event.ConsentChanged;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.EventId;
import dev.beckon.engine.ProactiveEngine;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import dev.beckon.suite.web.HtmlPage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one-click unsubscribe of marketing e-mail. {@code POST /u/{token}} (what a mail client sends for RFC 8058's
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}, whatever the body) withdraws the recipient's e-mail
 * marketing consent for the shop: a {@link ConsentChanged} to {@code UNSUBSCRIBED} goes into the engine's inbox, so
 * later marketing e-mail to the address is skipped with the consent reason. {@code GET /u/{token}} only shows a
 * page with a button that POSTs, so link scanners that follow URLs unsubscribe no one. An unknown token gets a 404
 * page. Public: the token is the credential.
 */
@Path("u/{token}")
@RequestScoped
public class UnsubscribeResource {

    static final String SOURCE = "email:one-click-unsubscribe";
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @Inject
    JdbcUnsubscribeLinks links;

    @Inject
    ProactiveEngine engine;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The unsubscribe page of a marketing e-mail: a button that confirms with a POST")
    public Response confirm(@PathParam("token") String token) {
        Optional<JdbcUnsubscribeLinks.Recipient> recipient = links.find(token);
        if (recipient.isEmpty()) {
            return unknown();
        }
        if (recipient.get().usedAt() != null) {
            return page(200, "You are unsubscribed", "<p>You will no longer get marketing e-mail from this shop."
                    + " Order updates still reach you.</p>\n");
        }
        return page(200, "Unsubscribe", """
                <p>Stop marketing e-mail from this shop? Order updates still reach you.</p>
                <form method="post">
                <input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">Unsubscribe</button>
                </form>
                """);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "One-click unsubscribe (RFC 8058): withdraws the recipient's marketing e-mail consent")
    public Response unsubscribe(@PathParam("token") String token) {
        Optional<JdbcUnsubscribeLinks.Recipient> found = links.find(token);
        if (found.isEmpty()) {
            return unknown();
        }
        JdbcUnsubscribeLinks.Recipient recipient = found.get();
        Instant now = clock.instant();
        Consent withdrawn = Consent.marketing(ChannelType.EMAIL, Consent.State.UNSUBSCRIBED, SOURCE, now);
        engine.accept(List.of(new EventEnvelope(EventId.random(), recipient.shop(), "email", "one-click-unsubscribe",
                now, now, "unsubscribe:" + token + ":" + now.toEpochMilli(),
                new ConsentChanged(null, recipient.address(), withdrawn))));
        links.used(token, now);
        return page(200, "You are unsubscribed", "<p>You will no longer get marketing e-mail from this shop."
                + " Order updates still reach you.</p>\n");
    }

    private static Response unknown() {
        return page(404, "Link not found", "<p>This unsubscribe link is not known. If you copied it, check that it"
                + " is complete.</p>\n");
    }

    private static Response page(int status, String headline, String body) {
        String html = HtmlPage.page(headline, body);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(status).type(HTML).cacheControl(noStore)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
                .entity(html).build();
    }
}
