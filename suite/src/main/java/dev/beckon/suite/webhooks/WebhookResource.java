package dev.beckon.suite.webhooks;

import dev.beckon.api.event.AppUninstalled;
import dev.beckon.api.event.DataErasureRequested;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.platform.Headers;
import dev.beckon.api.platform.PlatformAdapter;
import dev.beckon.api.platform.WebhookOutcome;
import dev.beckon.api.platform.WebhookRequest;
import dev.beckon.api.plugin.PluginRegistry;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.engine.inbox.InboxReceipt;
import dev.beckon.suite.config.SuiteSettings;
import dev.beckon.suite.errors.Problem;
import dev.beckon.suite.errors.ProblemException;
import dev.beckon.suite.shoppers.Erasures;
import dev.beckon.suite.shops.JdbcShopStore;
import dev.beckon.suite.shops.Shop;
import dev.beckon.suite.shops.ShopResource;
import dev.beckon.suite.shops.Uninstalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where store platforms deliver webhooks. The body is read as raw bytes (with a size cap) and handed to the
 * platform's adapter, which verifies the signature over exactly those bytes; accepted events are stored in the
 * durable inbox and the answer goes back at once. The engine does the rest asynchronously. Stateless, so one
 * instance serves every request (no per-request bean on the hot path).
 */
@Path("webhooks/{platform}/{shopId}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Webhooks")
public class WebhookResource {

    private static final System.Logger LOG = System.getLogger(WebhookResource.class.getName());
    private static final int SWALLOW_FACTOR = 8;

    @Inject
    PluginRegistry<PlatformAdapter> platforms;

    @Inject
    JdbcShopStore shops;

    @Inject
    ProactiveEngine engine;

    @Inject
    SuiteSettings settings;

    @Inject
    Clock clock;

    @Inject
    JdbcPoisonDeliveryStore poison;

    @Inject
    Uninstalls uninstalls;

    @Inject
    Erasures erasures;

    @Inject
    MetricRegistry metrics;

    /** The registry's counters, looked up once per platform and outcome rather than on every delivery. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @POST
    @Operation(summary = "Receive a store webhook",
            description = "Signed by the platform (Shopify: X-Shopify-Hmac-Sha256 over the raw body). Deduplicated"
                    + " on the platform's event id.")
    @RequestBody(content = @Content(mediaType = "application/json"))
    @APIResponse(responseCode = "200", description = "Stored, a duplicate, a topic Beckon does not use, or a signed"
            + " body that cannot be read (kept as a poison event, visible in /api/shops/{id}/events)",
            content = @Content(schema = @Schema(implementation = WebhookAnswer.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong signature; nothing stored")
    @APIResponse(responseCode = "404", description = "Unknown platform or shop")
    @APIResponse(responseCode = "413", description = "Body larger than beckon.webhooks.max-body-bytes")
    @APIResponse(responseCode = "415", description = "Not the platform's content type")
    public Response receive(@PathParam("platform") String platformId, @PathParam("shopId") String shopId,
                            @Context HttpHeaders headers, InputStream body) {
        PlatformAdapter adapter = platforms.find(platformId.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new ProblemException(404, "unknown platform '" + platformId + "'; known: "
                        + String.join(", ", platforms.ids())));
        Shop shop = ShopResource.find(shops, shopId);
        if (!shop.platform().equals(adapter.id())) {
            throw new ProblemException(404, "shop '" + shopId + "' is not a " + adapter.id() + " shop");
        }
        return ingest(adapter, shop, headers, body);
    }

    /**
     * The shared path of every webhook route once its shop is known (also Shopify's app-wide compliance route):
     * content type, size cap, the adapter's signature check, then the inbox.
     */
    public Response ingest(PlatformAdapter adapter, Shop shop, HttpHeaders headers, InputStream body) {
        String mediaType = mediaType(headers);
        if (!adapter.acceptsMediaType(mediaType)) {
            count(adapter, "unsupported_media_type");
            throw new ProblemException(415, adapter.id() + " webhooks must be application/json, got '"
                    + (mediaType.isEmpty() ? "no content type" : mediaType) + "'");
        }
        byte[] bytes = read(adapter, headers, body);
        WebhookOutcome outcome = adapter.receive(new WebhookRequest(shop.context(),
                Headers.of(headers.getRequestHeaders()), bytes, clock.instant()));
        if (outcome instanceof WebhookOutcome.Accepted accepted) {
            InboxReceipt receipt = engine.accept(accepted.events());
            count(adapter, receipt.stored() > 0 ? "accepted" : "duplicate");
            for (EventEnvelope event : accepted.events()) {
                if (event.payload() instanceof AppUninstalled) {
                    uninstalls.uninstalled(shop.id(), adapter.id());
                } else if (event.payload() instanceof DataErasureRequested erasure && receipt.stored() > 0) {
                    erasures.requested(shop.id(), erasure);
                }
            }
            return WebhookAnswer.accepted(receipt).response();
        }
        if (outcome instanceof WebhookOutcome.Pinged pinged) {
            poison.record(PoisonDeliveries.ping(shop.id(), adapter.id(), bytes, pinged.reason(), clock.instant()));
            count(adapter, "ping");
            return WebhookAnswer.ignored(pinged.reason()).response();
        }
        if (outcome instanceof WebhookOutcome.Ignored ignored) {
            count(adapter, "ignored");
            return WebhookAnswer.ignored(ignored.reason()).response();
        }
        WebhookOutcome.Rejected rejected = (WebhookOutcome.Rejected) outcome;
        if (rejected.problem() == WebhookOutcome.Problem.MALFORMED) {
            boolean isNew = poison.record(PoisonDeliveries.of(shop.id(), adapter.id(), headers, bytes,
                    rejected.reason(), clock.instant()));
            count(adapter, isNew ? "poison" : "poison_duplicate");
            LOG.log(System.Logger.Level.WARNING, "shop {0}: signed {1} webhook kept as poison: {2}", shop.id(),
                    adapter.id(), rejected.reason());
            return WebhookAnswer.poison(rejected.reason()).response();
        }
        count(adapter, "rejected_" + rejected.problem().name().toLowerCase(Locale.ROOT));
        LOG.log(System.Logger.Level.INFO, "shop {0}: {1} webhook rejected: {2}", shop.id(), adapter.id(),
                rejected.reason());
        return Problem.response(401, rejected.reason());
    }

    private byte[] read(PlatformAdapter adapter, HttpHeaders headers, InputStream body) {
        long max = settings.webhookMaxBodyBytes();
        String declared = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > max) {
                    throw tooLarge(adapter, max, body);
                }
            } catch (NumberFormatException e) {
                throw new ProblemException(400, "Content-Length is not a number");
            }
        }
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > max) {
                throw tooLarge(adapter, max, body);
            }
            return bytes;
        } catch (IOException e) {
            throw new ProblemException(400, "the request body could not be read: " + e.getMessage());
        }
    }

    /**
     * Answers 413. A body up to {@value #SWALLOW_FACTOR} times the limit is read and discarded first, so the
     * client, still sending, gets the answer instead of a reset connection; a larger one is cut off.
     */
    private ProblemException tooLarge(PlatformAdapter adapter, long max, InputStream body) {
        count(adapter, "too_large");
        if (body != null) {
            try {
                long limit = max * SWALLOW_FACTOR;
                long skipped = 0;
                byte[] buffer = new byte[8192];
                int n;
                while (skipped < limit && (n = body.read(buffer)) > 0) {
                    skipped += n;
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "client went away while an oversized webhook was discarded");
            }
        }
        return new ProblemException(413, "webhook bodies may be at most " + max + " bytes");
    }

    private void count(PlatformAdapter adapter, String outcome) {
        counters.computeIfAbsent(adapter.id() + "/" + outcome, key -> metrics.counter("beckon_webhooks",
                new Tag("platform", adapter.id()), new Tag("outcome", outcome))).inc();
    }

    private static String mediaType(HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        return type == null ? "" : (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
    }
}
