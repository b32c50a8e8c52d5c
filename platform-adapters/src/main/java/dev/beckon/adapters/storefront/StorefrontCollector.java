package dev.beckon.adapters.storefront;

import dev.beckon.adapters.json.Excerpt;
import dev.beckon.adapters.storefront.CollectException.Problem;
import dev.beckon.api.event.CartItemAdded;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.event.ProductViewed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code POST /collect/{shopId}?key=…} in one call, in this order (cheap checks first):
 * <ol>
 *   <li>{@code Origin} is one of the shop's storefront origins ({@link AllowedOrigins}); a browser always sends it on
 *       this cross-origin POST, so a missing one is refused too;</li>
 *   <li>the key equals the shop's public key (constant time);</li>
 *   <li>the body parses ({@link StorefrontEvents});</li>
 *   <li>the visitor and the client address are within their rate limits ({@link VisitorRateLimiter}).</li>
 * </ol>
 * The edge answers 202 with no body for an event, the {@link CollectException#httpStatus()} otherwise (with
 * {@code Retry-After} for 429), and adds {@link AllowedOrigins#corsHeaders} to every answer, preflight included. It
 * accepts {@code text/plain} (what {@code navigator.sendBeacon} sends without a preflight) and
 * {@code application/json}. Thread-safe; no I/O.
 */
public final class StorefrontCollector {

    private static final System.Logger LOG = System.getLogger(StorefrontCollector.class.getName());

    private final StorefrontEvents events;
    private final VisitorRateLimiter limiter;
    private final Clock clock;

    /**
     * @param settings never null
     * @param limiter  shared by every shop; never null
     * @param clock    what "now" is for {@code receivedAt}; never null
     */
    public StorefrontCollector(CollectorSettings settings, VisitorRateLimiter limiter, Clock clock) {
        this.events = new StorefrontEvents(Objects.requireNonNull(settings, "settings"));
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param shop          the shop of the URL; never null
     * @param originHeader  the {@code Origin} header; null if absent
     * @param key           the {@code key} query parameter; null if absent
     * @param clientAddress the client's address as the edge determined it; null if unknown
     * @param body          the raw body; never null
     * @return the event to store; never null
     * @throws CollectException with the problem, a message for the developer, and for 429 the wait
     */
    public EventEnvelope collect(StorefrontShop shop, String originHeader, String key, String clientAddress,
                                 byte[] body) throws CollectException {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(body, "body");
        if (originHeader == null || !shop.origins().allows(originHeader)) {
            throw new CollectException(Problem.FORBIDDEN_ORIGIN, originHeader == null
                    ? "No Origin header; the collector only takes posts from the shop's storefront pages."
                    : "Origin '" + Excerpt.of(originHeader) + "' is not one of this shop's storefront origins; add it"
                    + " in Beckon's shop settings (scheme, host and port exactly).");
        }
        if (key == null || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                shop.publicKey().getBytes(StandardCharsets.UTF_8))) {
            throw new CollectException(Problem.UNKNOWN_KEY, key == null
                    ? "No key; the snippet's data-key attribute must hold the shop's public key."
                    : "The key is not this shop's public key; copy the snippet again from Beckon's shop settings.");
        }
        Instant receivedAt = clock.instant();
        EventEnvelope event = events.parse(shop.shop(), body, receivedAt);
        RateDecision decision = limiter.acquire(shop.shop(), visitorId(event), clientAddress);
        if (decision instanceof RateDecision.Limited limited) {
            LOG.log(System.Logger.Level.DEBUG, "shop {0}: collector {1} limit reached", shop.shop(), limited.scope());
            Duration wait = Duration.ofSeconds(Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000));
            throw new CollectException(Problem.RATE_LIMITED, "Too many events from this " + limited.scope()
                    + "; retry after " + wait.toSeconds() + " s.", wait);
        }
        return event;
    }

    private static String visitorId(EventEnvelope event) {
        if (event.payload() instanceof ProductViewed viewed) {
            return viewed.visitorId();
        }
        return ((CartItemAdded) event.payload()).visitorId();
    }
}
