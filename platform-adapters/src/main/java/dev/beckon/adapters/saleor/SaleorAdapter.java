package dev.beckon.adapters.saleor;

import dev.beckon.adapters.json.Excerpt;
import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;
import dev.beckon.adapters.signature.HmacSha256;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.model.EventId;
import dev.beckon.api.platform.Headers;
import dev.beckon.api.platform.PlatformAdapter;
import dev.beckon.api.platform.ShopContext;
import dev.beckon.api.platform.WebhookOutcome;
import dev.beckon.api.platform.WebhookOutcome.Problem;
import dev.beckon.api.platform.WebhookRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Saleor webhooks (subscription payloads) to canonical events.
 *
 * <p>Per delivery, in this order:
 * <ol>
 *   <li>The origin: the shop's registered domain ({@code demo.saleor.cloud}, read as {@code https://}; a registered
 *       {@code http://host:port} is taken as written) decides where keys come from. A {@code Saleor-Api-Url} header
 *       on another scheme, host or port is {@code Rejected(UNAUTHENTICATED)}: keys are never fetched from a host a
 *       request names.</li>
 *   <li>The signature, {@code Saleor-Signature} (else the deprecated {@code X-Saleor-Signature}):
 *       <ul>
 *         <li>a JWS with a detached unencoded payload ({@code header..signature}, RS256, {@code "b64": false},
 *             {@code "crit": ["b64"]}, a {@code kid}; its {@code iss}, if any, on the registered origin too),
 *             verified over {@code ASCII(b64url(header)) + "." + raw body} with the key of that {@code kid} from
 *             {@code {origin}/.well-known/jwks.json} ({@link CachingJwks}: refetched once on an unknown kid);</li>
 *         <li>else (no dots) the deprecated lowercase hex {@code HMAC-SHA256(secret, raw body)}, for a webhook with a
 *             secret key, under any of the shop's webhook secrets, compared in constant time.</li>
 *       </ul>
 *       Missing, malformed, wrong, or keys not to be had: {@code Rejected(UNAUTHENTICATED)}.</li>
 *   <li>The event, {@code Saleor-Event} (else {@code X-Saleor-Event}): missing is {@code Rejected(MALFORMED)};
 *       one Beckon does not map is {@code Ignored}.</li>
 *   <li>The body, a subscription payload (a JSON object; the legacy array payloads are not taken):
 *       {@code order_created} to {@code OrderPlaced}, {@code checkout_created|updated} to {@code CheckoutUpdated},
 *       {@code customer_created|updated} to {@code CustomerUpdated} ({@link PayloadMapping}). A body without the
 *       object or with an unreadable field is {@code Rejected(MALFORMED)} naming the field.</li>
 * </ol>
 *
 * <p>Saleor sends no idempotency key, so the dedup key is {@code event:objectId:issuedAt}, with the payload's
 * {@code issuedAt} (select it in the subscription query); without it, {@code event:objectId:sha256:<hex of the
 * body>}, equal for a retry (Saleor retries the same payload) and different for a changed object.
 *
 * <p>Never throws for bad input, and no reason ever holds a secret or an expected signature. Stateless apart from the
 * key cache, and thread-safe. A lookup of an origin's keys that are not yet cached (first delivery, key rotation)
 * blocks the calling thread for one bounded fetch; every other delivery does no I/O.
 */
public final class SaleorAdapter implements PlatformAdapter {

    /** The plugin id, as used in webhook URLs and configuration. */
    public static final String ID = "saleor";

    static final String SIGNATURE = "Saleor-Signature";
    static final String SIGNATURE_DEPRECATED = "X-Saleor-Signature";
    static final String EVENT = "Saleor-Event";
    static final String EVENT_DEPRECATED = "X-Saleor-Event";
    static final String API_URL = "Saleor-Api-Url";

    private static final System.Logger LOG = System.getLogger(SaleorAdapter.class.getName());
    private static final int SHA256_HEX_LENGTH = 64;

    private final CachingJwks keys;

    /** Called by the suite's plugin registry: keys are fetched over HTTPS and cached against the system clock. */
    public SaleorAdapter() {
        this(new HttpJwksSource(), Clock.systemUTC());
    }

    /**
     * @param source where the JWKS of an origin comes from; never null
     * @param clock  what "now" is for the key cache; never null
     */
    public SaleorAdapter(JwksSource source, Clock clock) {
        this.keys = new CachingJwks(source, clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public WebhookOutcome receive(WebhookRequest request) {
        Headers headers = request.headers();
        Optional<URI> origin = registeredOrigin(request.shop().domain());
        if (origin.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "shop {0}: registered domain ''{1}'' is not a host name",
                    request.shop().shop(), Excerpt.of(request.shop().domain()));
            return WebhookOutcome.rejected(Problem.UNAUTHENTICATED,
                    "the shop's registered domain is not a Saleor origin");
        }
        Optional<String> apiUrl = headers.first(API_URL);
        if (apiUrl.isPresent() && !sameOrigin(apiUrl.get(), origin.get())) {
            return WebhookOutcome.rejected(Problem.UNAUTHENTICATED, API_URL + " '" + Excerpt.of(apiUrl.get())
                    + "' is not on the shop's registered domain " + origin.get().getAuthority());
        }
        Optional<String> signature = headers.firstOf(SIGNATURE, SIGNATURE_DEPRECATED);
        if (signature.isEmpty()) {
            return WebhookOutcome.rejected(Problem.UNAUTHENTICATED, "missing " + SIGNATURE + " header");
        }
        Optional<WebhookOutcome.Rejected> refused = DetachedJws.looksLikeJws(signature.get())
                ? verifyJws(signature.get(), request.body(), origin.get())
                : verifyHmac(signature.get(), request.body(), request.shop());
        if (refused.isPresent()) {
            return refused.get();
        }

        Optional<String> eventName = headers.firstOf(EVENT, EVENT_DEPRECATED);
        if (eventName.isEmpty()) {
            return WebhookOutcome.rejected(Problem.MALFORMED, "missing " + EVENT + " header");
        }
        JsonView body;
        Instant issuedAt;
        try {
            body = JsonView.parse(request.body());
            issuedAt = body.instant("issuedAt");
        } catch (MalformedPayloadException e) {
            return WebhookOutcome.rejected(Problem.MALFORMED, "body: " + e.getMessage());
        }
        Optional<SaleorEvent> event = SaleorEvent.of(eventName.get());
        if (event.isEmpty()) {
            return WebhookOutcome.ignored("event " + Excerpt.of(eventName.get()) + " is not used by Beckon");
        }
        Mapped mapped;
        try {
            JsonView object = body.requireObject(event.get().field());
            mapped = event.get().map(object, issuedAt != null ? issuedAt : request.receivedAt());
        } catch (MalformedPayloadException | IllegalArgumentException e) {
            // IllegalArgumentException: a value a canonical type refuses (an id over 255 characters, say)
            return WebhookOutcome.rejected(Problem.MALFORMED, event.get().wireName() + " body: " + e.getMessage());
        }
        String dedupKey = event.get().wireName() + ":" + mapped.objectId() + ":"
                + (issuedAt != null ? issuedAt.toString() : "sha256:" + sha256Hex(request.body()));
        EventEnvelope envelope = new EventEnvelope(
                EventId.random(),
                request.shop().shop(),
                ID,
                event.get().wireName(),
                mapped.occurredAt(),
                request.receivedAt(),
                dedupKey,
                mapped.payload());
        return WebhookOutcome.accepted(List.of(envelope));
    }

    private Optional<WebhookOutcome.Rejected> verifyJws(String value, byte[] body, URI origin) {
        DetachedJws jws;
        try {
            jws = DetachedJws.parse(value);
        } catch (ParseException e) {
            return rejected(SIGNATURE + " " + e.getMessage());
        }
        if (jws.issuer() != null && !sameOrigin(jws.issuer(), origin)) {
            return rejected(SIGNATURE + " was issued by '" + Excerpt.of(jws.issuer())
                    + "', not by the shop's registered domain " + origin.getAuthority());
        }
        KeyLookup lookup = keys.key(origin, jws.keyId());
        if (lookup instanceof KeyLookup.Unavailable unavailable) {
            return rejected(unavailable.reason());
        }
        if (lookup instanceof KeyLookup.UnknownKey) {
            return rejected(SIGNATURE + " names kid '" + Excerpt.of(jws.keyId()) + "', which "
                    + origin.getAuthority() + " does not publish");
        }
        if (!jws.verifies(body, ((KeyLookup.Found) lookup).key())) {
            return rejected(SIGNATURE + " does not verify over the body with the key it names");
        }
        return Optional.empty();
    }

    private static Optional<WebhookOutcome.Rejected> verifyHmac(String value, byte[] body, ShopContext shop) {
        byte[] given = null;
        if (value.length() == SHA256_HEX_LENGTH) {
            try {
                given = HexFormat.of().parseHex(value.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException notHex) {
                // falls through to the rejection below
            }
        }
        if (given == null) {
            return rejected(SIGNATURE + " is neither a JWS nor a hex HMAC-SHA256");
        }
        boolean matched = false;
        for (String secret : shop.webhookSecrets()) {
            if (!secret.isEmpty()) {
                // no early exit: every secret costs the same, whichever one matches
                matched |= HmacSha256.same(HmacSha256.mac(secret.getBytes(StandardCharsets.UTF_8), body), given);
            }
        }
        return matched ? Optional.empty()
                : rejected(SIGNATURE + " does not match the body for any of the shop's webhook secrets");
    }

    /**
     * The origin the shop's registered domain stands for: {@code https://} plus the domain, or the scheme and
     * authority of a registered {@code http(s)://} URL; empty if it names no host.
     */
    static Optional<URI> registeredOrigin(String domain) {
        String text = domain.strip();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        return origin(text);
    }

    private static boolean sameOrigin(String url, URI registered) {
        return origin(url).map(registered::equals).orElse(false);
    }

    /** Scheme and authority of an absolute http(s) URL, lower-cased, default port dropped; empty otherwise. */
    private static Optional<URI> origin(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443)
                    || ("http".equals(scheme) && port == 80);
            return Optional.of(new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT),
                    defaultPort ? -1 : port, null, null, null));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<WebhookOutcome.Rejected> rejected(String reason) {
        return Optional.of(WebhookOutcome.rejected(Problem.UNAUTHENTICATED, reason));
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM cannot compute SHA-256", e);
        }
    }
}
