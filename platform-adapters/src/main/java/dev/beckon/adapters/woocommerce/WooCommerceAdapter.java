package dev.beckon.adapters.woocommerce;

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

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * WooCommerce webhooks to canonical events.
 *
 * <p>Per delivery, in this order:
 * <ol>
 *   <li>The creation ping: a delivery without {@code X-WC-Webhook-Signature} whose body is exactly
 *       {@code webhook_id=<digits>} (form-encoded, as {@code WC_Webhook::deliver_ping} sends it) is
 *       {@code Pinged}, so it is answered 200 and WooCommerce activates the webhook. It is not authenticated and
 *       causes no event (the suite lists it for the merchant). Any other unsigned delivery is
 *       {@code Rejected(UNAUTHENTICATED)}.</li>
 *   <li>The signature: {@code X-WC-Webhook-Signature} must be {@code base64(HMAC-SHA256(secret, raw body))} for
 *       one of the shop's webhook secrets (current first, then the previous one), each taken as WooCommerce
 *       stores it and decoded with {@code wp_specialchars_decode(ENT_QUOTES)} before use, as WooCommerce does.
 *       Checked over the raw bytes, in constant time, before anything is parsed. Blank secrets authenticate no
 *       one. Missing, malformed or wrong: {@code Rejected(UNAUTHENTICATED)}.</li>
 *   <li>Only the ping may be form-encoded: a signed delivery with a {@code Content-Type} of
 *       {@code application/x-www-form-urlencoded} is {@code Rejected(MALFORMED)}.</li>
 *   <li>The topic ({@code X-WC-Webhook-Topic}): missing is {@code Rejected(MALFORMED)}; one Beckon does not map is
 *       {@code Ignored}. {@code order.created} and {@code order.updated} map by order status (see
 *       {@link OrderMapping}: pending/failed to {@code CheckoutUpdated}, processing/on-hold to
 *       {@code OrderPlaced}, completed to {@code OrderPlaced} and {@code OrderFulfilled}, others ignored);
 *       {@code customer.created|updated} to {@code CustomerUpdated} without consents.</li>
 *   <li>The body is the REST representation of the resource. One that is not a JSON object or lacks what its
 *       topic needs is {@code Rejected(MALFORMED)}, with a reason naming the field.</li>
 * </ol>
 *
 * <p>Dedup key: {@code resource:id:date_modified_gmt:status} (see {@link Resource}), so the
 * {@code order.created} and {@code order.updated} WooCommerce fires for the same checkout are one event; the
 * delivery id is not unique and is not used. {@code occurredAt} is {@code date_modified_gmt}, else
 * {@code date_created_gmt}, else the time it was received. WooCommerce never retries a failed delivery and
 * disables a webhook after repeated failures, so a reconciler must poll for what was missed.
 *
 * <p>Never throws for bad input, and no reason ever holds a secret or an expected signature. Stateless and
 * thread-safe; it does no I/O.
 */
public final class WooCommerceAdapter implements PlatformAdapter {

    /** The plugin id, as used in webhook URLs and configuration. */
    public static final String ID = "woocommerce";

    private static final String FORM = "application/x-www-form-urlencoded";

    /** Called by the suite's plugin registry. */
    public WooCommerceAdapter() {
    }

    @Override
    public String id() {
        return ID;
    }

    /** JSON deliveries, and the form-encoded creation ping (only its shape is accepted in that type). */
    @Override
    public boolean acceptsMediaType(String mediaType) {
        return "application/json".equals(mediaType) || FORM.equals(mediaType);
    }

    @Override
    public WebhookOutcome receive(WebhookRequest request) {
        Headers headers = request.headers();
        ShopContext shop = request.shop();

        Optional<String> signature = headers.first(WooHeader.SIGNATURE);
        if (signature.isEmpty()) {
            return Ping.webhookId(request.body())
                    .<WebhookOutcome>map(id -> WebhookOutcome.pinged(
                            "ping for WooCommerce webhook " + id + " acknowledged; nothing to do"))
                    .orElseGet(() -> WebhookOutcome.rejected(Problem.UNAUTHENTICATED,
                            "missing " + WooHeader.SIGNATURE + " header"));
        }
        if (shop.webhookSecrets().stream().allMatch(String::isBlank)) {
            return WebhookOutcome.rejected(Problem.UNAUTHENTICATED,
                    "the shop has no webhook secret; a webhook without one authenticates no one");
        }
        if (!WooSignature.matches(request.body(), signature.get(), shop.webhookSecrets())) {
            return WebhookOutcome.rejected(Problem.UNAUTHENTICATED,
                    "signature does not match the body for any of the shop's webhook secrets");
        }

        if (isForm(headers)) {
            return WebhookOutcome.rejected(Problem.MALFORMED,
                    "a form-encoded delivery is only accepted as the unsigned webhook-creation ping");
        }
        Optional<String> topicName = headers.first(WooHeader.TOPIC);
        if (topicName.isEmpty()) {
            return WebhookOutcome.rejected(Problem.MALFORMED, "missing " + WooHeader.TOPIC + " header");
        }
        Optional<WooTopic> topic = WooTopic.of(topicName.get());
        if (topic.isEmpty()) {
            return WebhookOutcome.ignored("topic " + Excerpt.of(topicName.get()) + " is not used by Beckon");
        }
        return map(request, topic.get());
    }

    private static WebhookOutcome map(WebhookRequest request, WooTopic topic) {
        Mapped mapped;
        try {
            mapped = topic.map(JsonView.parse(request.body()), request.body(), request.receivedAt());
        } catch (MalformedPayloadException | IllegalArgumentException e) {
            // IllegalArgumentException: a value a canonical type refuses (an id over 255 characters, say)
            return WebhookOutcome.rejected(Problem.MALFORMED, topic.topic() + " body: " + e.getMessage());
        }
        if (mapped instanceof Mapped.Skipped skipped) {
            return WebhookOutcome.ignored(skipped.reason());
        }
        List<EventEnvelope> events = ((Mapped.Events) mapped).events().stream()
                .map(event -> new EventEnvelope(
                        EventId.random(),
                        request.shop().shop(),
                        ID,
                        topic.topic(),
                        event.occurredAt(),
                        request.receivedAt(),
                        event.dedupKey(),
                        event.payload()))
                .toList();
        return WebhookOutcome.accepted(events);
    }

    private static boolean isForm(Headers headers) {
        return headers.first(WooHeader.CONTENT_TYPE)
                .map(type -> type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .filter(FORM::equals)
                .isPresent();
    }
}
