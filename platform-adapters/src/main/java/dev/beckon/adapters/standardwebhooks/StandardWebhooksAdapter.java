package dev.beckon.adapters.standardwebhooks;

import dev.beckon.adapters.json.Excerpt;
import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.model.EventId;
import dev.beckon.api.platform.PlatformAdapter;
import dev.beckon.api.platform.ShopContext;
import dev.beckon.api.platform.WebhookOutcome;
import dev.beckon.api.platform.WebhookOutcome.Problem;
import dev.beckon.api.platform.WebhookRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Beckon's own webhook format for stores without a native one (Medusa, Vendure, Magento Open Source, custom
 * stores): Beckon's documented JSON envelope, signed with <a href="https://www.standardwebhooks.com/">Standard
 * Webhooks</a>. The store-side contract, with examples, is {@code platform-adapters/STANDARD_WEBHOOKS.md}.
 *
 * <p>Per delivery, in this order:
 * <ol>
 *   <li>The signature ({@link StandardWebhooksVerifier}): {@code webhook-id}, {@code webhook-timestamp} and
 *       {@code webhook-signature}; HMAC-SHA256 over {@code {id}.{timestamp}.{raw body}} with any of the shop's
 *       secrets ({@code whsec_} + base64 of the key, current first, then the previous one during a rotation).
 *       Missing, malformed or wrong: {@code Rejected(UNAUTHENTICATED)}; genuine but more than 5 minutes from the
 *       clock either way: {@code Rejected(STALE)}.</li>
 *   <li>The envelope, a JSON object: {@code {"type": "order.placed", "timestamp": "2026-03-01T12:00:00Z",
 *       "data": {...}}}. {@code type} and {@code data} are required; {@code timestamp} (ISO-8601 with offset) is
 *       when the event happened, if {@code data} has no time of its own. A type Beckon does not map is
 *       {@code Ignored}, so the store does not retry it.</li>
 *   <li>{@code data}, by type (* = required; ids are strings; money is {@code {"amount": "12.50", "currency":
 *       "EUR"}}; times are ISO-8601 with offset):
 *     <ul>
 *       <li>{@code order.placed} to {@code OrderPlaced}: {@code order_id*, name, checkout_id, cart_token,
 *           shopper, lines, total, placed_at}</li>
 *       <li>{@code order.fulfilled} to {@code OrderFulfilled}: {@code order_id*, shopper, tracking_url, partial,
 *           fulfilled_at}</li>
 *       <li>{@code checkout.updated} to {@code CheckoutUpdated}: {@code checkout_id*, cart_token, shopper, lines,
 *           total, recovery_url, updated_at, completed_at}</li>
 *       <li>{@code customer.updated} to {@code CustomerUpdated}: {@code shopper*} (with {@code customer_id*}),
 *           {@code updated_at}</li>
 *       <li>{@code consent.changed} to {@code ConsentChanged}: {@code customer_id} and/or {@code address},
 *           {@code consent*}</li>
 *       <li>{@code data_erasure.requested} to {@code DataErasureRequested}: {@code scope*} ({@code customer} or
 *           {@code shop}), {@code customer_id, email, phone, order_ids}</li>
 *       <li>{@code product.viewed} to {@code ProductViewed}: {@code product_id*, visitor_id*, customer_id, url,
 *           viewed_at}</li>
 *       <li>{@code app.uninstalled} to {@code AppUninstalled}: {@code shop_domain}</li>
 *     </ul>
 *     where {@code shopper} is {@code {customer_id, first_name, last_name, email, phone, consents: [consent]}},
 *     {@code consent} is {@code {channel* (sms|whatsapp|email|web_push|app), purpose (marketing|transactional,
 *     default marketing), state* (subscribed|not_subscribed|unsubscribed|pending|redacted|unknown), source,
 *     updated_at}} and a line is {@code {product_id, variant_id, sku, title, quantity*, unit_price*}}. Unknown
 *     fields are ignored. A body that is not a JSON object or lacks what its type needs is
 *     {@code Rejected(MALFORMED)}, with a reason naming the field ({@code data.lines[0].unit_price.currency}).</li>
 * </ol>
 *
 * <p>Each accepted delivery gives one event. Its dedup key is the {@code webhook-id}, which the spec keeps across
 * retries of one message. Its {@code occurredAt} is {@code data}'s own time, else the envelope's
 * {@code timestamp}, else the {@code webhook-timestamp}. Its source topic is the envelope {@code type}.
 *
 * <p>Never throws for bad input, and no reason ever holds a secret or an expected signature. Stateless and
 * thread-safe; it does no I/O.
 */
public final class StandardWebhooksAdapter implements PlatformAdapter {

    private static final System.Logger LOG = System.getLogger(StandardWebhooksAdapter.class.getName());

    /** The plugin id, as used in webhook URLs and configuration. */
    public static final String ID = "standard-webhooks";

    private final StandardWebhooksVerifier verifier;

    /** Called by the suite's plugin registry; timestamps are checked against the system clock. */
    public StandardWebhooksAdapter() {
        this(Clock.systemUTC());
    }

    /** @param clock what "now" is for the 5-minute timestamp tolerance; never null */
    public StandardWebhooksAdapter(Clock clock) {
        this.verifier = new StandardWebhooksVerifier(clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public WebhookOutcome receive(WebhookRequest request) {
        List<SigningKey> keys = keys(request.shop());
        if (keys.isEmpty()) {
            return WebhookOutcome.rejected(Problem.UNAUTHENTICATED,
                    "the shop has no usable webhook secret; expected whsec_ followed by base64");
        }
        Verification verification = verifier.verify(request.headers(), request.body(), keys);
        if (verification instanceof Verification.Failed failed) {
            return failed.rejection();
        }
        Verification.Verified verified = (Verification.Verified) verification;

        String typeName;
        JsonView data;
        Instant timestamp;
        try {
            JsonView envelope = JsonView.parse(request.body());
            typeName = envelope.requireString("type");
            data = envelope.requireObject("data");
            timestamp = envelope.instant("timestamp");
        } catch (MalformedPayloadException | IllegalArgumentException e) {
            return WebhookOutcome.rejected(Problem.MALFORMED, "body: " + e.getMessage());
        }
        Optional<EventType> type = EventType.of(typeName);
        if (type.isEmpty()) {
            return WebhookOutcome.ignored("type " + Excerpt.of(typeName) + " is not used by Beckon");
        }

        Delivery delivery = new Delivery(request.shop().domain(),
                timestamp != null ? timestamp : verified.sentAt());
        Mapped mapped;
        try {
            mapped = type.get().mapping().map(data, delivery);
        } catch (MalformedPayloadException | IllegalArgumentException e) {
            // IllegalArgumentException: a value a canonical type refuses (an id over 255 characters, say)
            return WebhookOutcome.rejected(Problem.MALFORMED, typeName + " body: " + e.getMessage());
        }
        EventEnvelope event = new EventEnvelope(
                EventId.random(),
                request.shop().shop(),
                ID,
                type.get().wireName(),
                mapped.occurredAt(),
                request.receivedAt(),
                verified.webhookId(),
                mapped.payload());
        return WebhookOutcome.accepted(List.of(event));
    }

    /** The shop's secrets as keys, current first; a secret that is not {@code whsec_} + base64 is skipped. */
    private static List<SigningKey> keys(ShopContext shop) {
        List<SigningKey> keys = new ArrayList<>(shop.webhookSecrets().size());
        for (int i = 0; i < shop.webhookSecrets().size(); i++) {
            try {
                keys.add(SigningKey.fromSecret(shop.webhookSecrets().get(i)));
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "shop {0}: webhook secret #{1} is skipped: {2}", shop.shop(),
                        i + 1, e.getMessage());
            }
        }
        return keys;
    }
}
