package dev.beckon.adapters.bigcommerce;

import dev.beckon.adapters.json.Excerpt;
import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;
import dev.beckon.adapters.standardwebhooks.SigningKey;
import dev.beckon.adapters.standardwebhooks.StandardWebhooksVerifier;
import dev.beckon.adapters.standardwebhooks.Verification;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.model.EventId;
import dev.beckon.api.platform.PlatformAdapter;
import dev.beckon.api.platform.WebhookOutcome;
import dev.beckon.api.platform.WebhookOutcome.Problem;
import dev.beckon.api.platform.WebhookRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * BigCommerce webhooks to canonical events.
 *
 * <p>Per delivery, in this order:
 * <ol>
 *   <li>The signature: Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature};
 *       HMAC-SHA256 over {@code {id}.{timestamp}.{raw body}}), keyed with the UTF-8 bytes of the app's client
 *       secret (BigCommerce's docs hand {@code base64(client secret)} to the Standard Webhooks library, which
 *       decodes it back to those bytes). The shop's webhook secrets are the client secret, current first, then
 *       the previous one during a rotation. Missing, malformed or wrong: {@code Rejected(UNAUTHENTICATED)};
 *       genuine but more than 5 minutes from the clock either way: {@code Rejected(STALE)}.</li>
 *   <li>The body {@code {"scope", "store_id", "data": {"type", "id", ...}, "hash", "created_at", "producer"}}: a
 *       JSON object with a {@code scope} and a {@code data} object, else {@code Rejected(MALFORMED)} naming the
 *       field. A scope Beckon does not map is {@code Ignored}.</li>
 *   <li>The scope ({@link ScopeMapping}; payloads carry ids only, the engine fetches details through the admin
 *       API): {@code store/order/created} to {@code OrderPlaced} (order id, no shopper, no lines, no total),
 *       {@code store/order/statusUpdated} to {@code OrderFulfilled} for Shipped, Partially Shipped and Completed
 *       (other statuses ignored), {@code store/cart/created|updated} to {@code CheckoutUpdated} (the cart id),
 *       {@code store/cart/converted} to a completed {@code CheckoutUpdated}, {@code store/customer/created|updated}
 *       to {@code CustomerUpdated} (the customer id), {@code store/app/uninstalled} to {@code AppUninstalled}.</li>
 * </ol>
 *
 * <p>Dedup key: the body's {@code hash} ({@code hash:<hex>}), which BigCommerce keeps equal when a hook fires twice
 * for the same event; else the {@code webhook-id} ({@code webhook-id:<id>}). {@code occurredAt} is
 * {@code created_at}, else the {@code webhook-timestamp}.
 *
 * <p>Never throws for bad input, and no reason ever holds a secret or an expected signature. Stateless and
 * thread-safe; it does no I/O.
 */
public final class BigCommerceAdapter implements PlatformAdapter {

    /** The plugin id, as used in webhook URLs and configuration. */
    public static final String ID = "bigcommerce";

    private final StandardWebhooksVerifier verifier;

    /** Called by the suite's plugin registry; timestamps are checked against the system clock. */
    public BigCommerceAdapter() {
        this(Clock.systemUTC());
    }

    /** @param clock what "now" is for the 5-minute timestamp tolerance; never null */
    public BigCommerceAdapter(Clock clock) {
        this.verifier = new StandardWebhooksVerifier(clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public WebhookOutcome receive(WebhookRequest request) {
        List<SigningKey> keys = request.shop().webhookSecrets().stream()
                .filter(secret -> !secret.isBlank())
                .map(SigningKey::ofUtf8)
                .toList();
        if (keys.isEmpty()) {
            return WebhookOutcome.rejected(Problem.UNAUTHENTICATED, "the shop has no client secret to verify with");
        }
        Verification verification = verifier.verify(request.headers(), request.body(), keys);
        if (verification instanceof Verification.Failed failed) {
            return failed.rejection();
        }
        Verification.Verified verified = (Verification.Verified) verification;

        String scopeName;
        Notification notification;
        String hash;
        try {
            JsonView body = JsonView.parse(request.body());
            scopeName = body.requireString("scope");
            JsonView data = body.requireObject("data");
            hash = body.string("hash");
            Instant createdAt = body.epochSeconds("created_at");
            notification = new Notification(data, createdAt != null ? createdAt : verified.sentAt(),
                    request.shop().domain());
        } catch (MalformedPayloadException e) {
            return WebhookOutcome.rejected(Problem.MALFORMED, "body: " + e.getMessage());
        }
        Optional<BigCommerceScope> scope = BigCommerceScope.of(scopeName);
        if (scope.isEmpty()) {
            return WebhookOutcome.ignored("scope " + Excerpt.of(scopeName) + " is not used by Beckon");
        }

        Optional<EventPayload> payload;
        try {
            payload = scope.get().map(notification);
        } catch (MalformedPayloadException | IllegalArgumentException e) {
            // IllegalArgumentException: a value a canonical type refuses (an id over 255 characters, say)
            return WebhookOutcome.rejected(Problem.MALFORMED, scopeName + " body: " + e.getMessage());
        }
        if (payload.isEmpty()) {
            return WebhookOutcome.ignored("this " + scopeName + " is not used by Beckon");
        }
        String dedupKey = hash != null ? "hash:" + hash : "webhook-id:" + verified.webhookId();
        EventEnvelope event = new EventEnvelope(
                EventId.random(),
                request.shop().shop(),
                ID,
                scope.get().scope(),
                notification.occurredAt(),
                request.receivedAt(),
                dedupKey,
                payload.get());
        return WebhookOutcome.accepted(List.of(event));
    }
}
