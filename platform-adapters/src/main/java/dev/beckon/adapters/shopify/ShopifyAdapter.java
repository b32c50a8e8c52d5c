package dev.beckon.adapters.shopify;

import dev.beckon.adapters.json.Excerpt;
import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.model.EventId;
import dev.beckon.api.platform.Headers;
import dev.beckon.api.platform.PlatformAdapter;
import dev.beckon.api.platform.ShopContext;
import dev.beckon.api.platform.WebhookOutcome;
import dev.beckon.api.platform.WebhookOutcome.Problem;
import dev.beckon.api.platform.WebhookRequest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Shopify webhooks to canonical events.
 *
 * <p>Per delivery, in this order:
 * <ol>
 *   <li>The signature: {@code X-Shopify-Hmac-Sha256} (or the un-prefixed {@code shopify-hmac-sha256} of Events
 *       deliveries) must be {@code base64(HMAC-SHA256(secret, raw body))} for one of the shop's webhook secrets,
 *       the current one or the previous one during a rotation. It is checked over the raw bytes, in constant time,
 *       before anything is parsed. Missing, malformed or wrong: {@code Rejected(UNAUTHENTICATED)}.</li>
 *   <li>The shop: the URL's shop and its secret authenticate the delivery. An {@code X-Shopify-Shop-Domain}
 *       that differs from the registered domain is logged, not rejected: merchants often register their storefront
 *       domain instead of the myshopify one, and rejecting would make Shopify retry and then delete the
 *       subscription without anyone noticing.</li>
 *   <li>The topic ({@code X-Shopify-Topic}): missing is {@code Rejected(MALFORMED)}; one Beckon does not map is
 *       {@code Ignored}, so Shopify does not retry it.</li>
 *   <li>The body is parsed and mapped: {@code checkouts/create|update} to {@code CheckoutUpdated},
 *       {@code orders/create} to {@code OrderPlaced}, {@code orders/fulfilled|partially_fulfilled} to
 *       {@code OrderFulfilled}, {@code customers/create|update} to {@code CustomerUpdated}, the two marketing-consent
 *       topics to {@code ConsentChanged}, {@code app/uninstalled} to {@code AppUninstalled} and
 *       {@code customers/redact}, {@code shop/redact} to {@code DataErasureRequested}. A body that is not a JSON
 *       object or lacks what its topic needs is {@code Rejected(MALFORMED)}, with a reason naming the field.</li>
 * </ol>
 *
 * <p>Each accepted delivery gives one event. Its {@code occurredAt} is the object's {@code updated_at}, else its
 * {@code created_at}, else {@code X-Shopify-Triggered-At}, else the time it was received. Its dedup key is
 * {@code topic:X-Shopify-Event-Id} (Shopify keeps the event id across retries, and one merchant action may share
 * it between topics); without it, {@code topic:resourceId:updatedAt};
 * without those, {@code X-Shopify-Webhook-Id}; and as a last resort {@code topic:sha256:<hex of the body>}.
 *
 * <p>Never throws for bad input, and no reason ever holds a secret or an expected signature. Stateless and
 * thread-safe: one instance serves every shop and every request thread. It does no I/O.
 */
public final class ShopifyAdapter implements PlatformAdapter {

    private static final System.Logger LOG = System.getLogger(ShopifyAdapter.class.getName());

    /** The plugin id, as used in webhook URLs and configuration. */
    public static final String ID = "shopify";

    /** Called by the suite's plugin registry. */
    public ShopifyAdapter() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public WebhookOutcome receive(WebhookRequest request) {
        Headers headers = request.headers();
        ShopContext shop = request.shop();

        Optional<String> signature = ShopifyHeader.HMAC.in(headers);
        if (signature.isEmpty()) {
            return WebhookOutcome.rejected(Problem.UNAUTHENTICATED,
                    "missing " + ShopifyHeader.HMAC.headerName() + " header");
        }
        if (!ShopifySignature.matches(request.body(), signature.get(), shop.webhookSecrets())) {
            return WebhookOutcome.rejected(Problem.UNAUTHENTICATED,
                    "signature does not match the body for any of the shop's webhook secrets");
        }

        Optional<String> domain = ShopifyHeader.SHOP_DOMAIN.in(headers);
        if (domain.isPresent() && !domain.get().equalsIgnoreCase(shop.domain())) {
            LOG.log(System.Logger.Level.WARNING, "shop {0}: a signed delivery names shop domain ''{1}'', registered"
                    + " is ''{2}''; check the domain the shop was registered with", shop.shop(),
                    Excerpt.of(domain.get()), shop.domain());
        }

        Optional<String> topicName = ShopifyHeader.TOPIC.in(headers);
        if (topicName.isEmpty()) {
            return WebhookOutcome.rejected(Problem.MALFORMED,
                    "missing " + ShopifyHeader.TOPIC.headerName() + " header");
        }
        Optional<ShopifyTopic> topic = ShopifyTopic.of(topicName.get());
        if (topic.isEmpty()) {
            return WebhookOutcome.ignored("topic " + Excerpt.of(topicName.get()) + " is not used by Beckon");
        }
        return map(request, topic.get(), domain.orElse(shop.domain()));
    }

    private WebhookOutcome map(WebhookRequest request, ShopifyTopic topic, String shopDomain) {
        Optional<Instant> triggeredAt = triggeredAt(request.headers());
        Delivery delivery = new Delivery(shopDomain, triggeredAt.orElse(request.receivedAt()));
        Mapped mapped;
        try {
            mapped = topic.mapping().map(JsonView.parse(request.body()), delivery);
        } catch (MalformedPayloadException | IllegalArgumentException e) {
            // IllegalArgumentException: a value a canonical type refuses (an id over 255 characters, say)
            return WebhookOutcome.rejected(Problem.MALFORMED, topic.topic() + " body: " + e.getMessage());
        }
        EventEnvelope event = new EventEnvelope(
                EventId.random(),
                request.shop().shop(),
                ID,
                topic.topic(),
                delivery.timeOr(mapped.updatedAt(), mapped.createdAt()),
                request.receivedAt(),
                dedupKey(request, topic, mapped),
                mapped.payload());
        return WebhookOutcome.accepted(List.of(event));
    }

    private static String dedupKey(WebhookRequest request, ShopifyTopic topic, Mapped mapped) {
        Optional<String> eventId = ShopifyHeader.EVENT_ID.in(request.headers());
        if (eventId.isPresent()) {
            // one merchant action can fire several topics under one event id; each topic is its own event
            return topic.topic() + ":" + eventId.get();
        }
        if (mapped.resourceId() != null && mapped.updatedAt() != null) {
            return topic.topic() + ":" + mapped.resourceId() + ":" + mapped.updatedAt();
        }
        return ShopifyHeader.WEBHOOK_ID.in(request.headers()).map(id -> topic.topic() + ":delivery:" + id)
                .orElseGet(() -> topic.topic() + ":sha256:" + HexFormat.of().formatHex(sha256(request.body())));
    }

    /** The header's time, if present and readable; an unreadable one is only a missing fallback, not an error. */
    private static Optional<Instant> triggeredAt(Headers headers) {
        return ShopifyHeader.TRIGGERED_AT.in(headers).flatMap(value -> {
            try {
                return Optional.of(OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
