package dev.beckon.adapters.storefront;

import dev.beckon.adapters.json.Excerpt;
import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;
import dev.beckon.adapters.storefront.CollectException.Problem;
import dev.beckon.api.event.CartItemAdded;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.event.ProductViewed;
import dev.beckon.api.model.CustomerId;
import dev.beckon.api.model.EventId;
import dev.beckon.api.model.Money;
import dev.beckon.api.model.ProductId;
import dev.beckon.api.model.ShopId;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The collector's JSON to a canonical envelope:
 * <pre>{@code
 * {"type": "product_viewed" | "added_to_cart", "visitorId": "…", "productId": "…", "variantId"?: "…",
 *  "quantity"?: 1, "price"?: "19.90", "currency"?: "EUR", "url"?: "https://…", "customerId"?: "…",
 *  "occurredAt"?: "2026-03-01T12:00:00.000Z", "eventId"?: "…"}
 * }</pre>
 * <ul>
 *   <li>{@code product_viewed} becomes {@link ProductViewed}, {@code added_to_cart} {@link CartItemAdded}
 *       ({@code quantity} 1 to {@value #MAX_QUANTITY}, default 1; {@code price} a non-negative decimal that needs
 *       {@code currency}, an ISO 4217 code). Any other type is {@link Problem#UNKNOWN_TYPE}.</li>
 *   <li>Ids: {@code visitorId} and {@code eventId} are 8 to 64 (eventId 1 to 64) of {@code [A-Za-z0-9_-]};
 *       {@code productId}, {@code variantId} and {@code customerId} are 1 to {@value #MAX_ID} printable ASCII
 *       characters without spaces (numbers are read exactly). The canonical events have no variant, so
 *       {@code variantId} only tells apart dedup keys.</li>
 *   <li>{@code url}: absolute http(s), at most {@value #MAX_URL} characters; its query and fragment are dropped (they
 *       often carry e-mail addresses or tokens).</li>
 *   <li>{@code customerId} is put on the event only if {@link CollectorSettings#acceptCustomerIds()}: the browser can
 *       state any id.</li>
 *   <li>Time: the visitor's clock is not trusted beyond reason. {@code occurredAt} is used when it lies within
 *       {@link CollectorSettings#maxAge()} before receipt; otherwise (absent, after receipt, older) the receipt time
 *       is used. The event is kept, not rejected: the snippet sends at once, so receipt is close to the truth, and a
 *       visitor with a wrong clock is still a visitor. No stored time is ever in the future.</li>
 *   <li>Dedup key: {@code storefront:<type>:<visitorId>:<productId>:<variantId or ->:<eventId>}. Without an
 *       {@code eventId} the last part is {@code m<minute of receipt>}, so a reload storm within a minute is one event.
 *       </li>
 * </ul>
 * Unknown fields are ignored. Stateless and thread-safe.
 */
public final class StorefrontEvents {

    /** The envelope's {@code source}. */
    public static final String SOURCE = "storefront";
    static final String PRODUCT_VIEWED = "product_viewed";
    static final String ADDED_TO_CART = "added_to_cart";
    static final int MAX_QUANTITY = 999;
    static final int MAX_ID = 128;
    static final int MAX_URL = 2048;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]+");
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");

    private final CollectorSettings settings;

    /** @param settings never null */
    public StorefrontEvents(CollectorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param shop       the shop of the collector URL; never null
     * @param body       the raw body; never null
     * @param receivedAt when Beckon received it; never null
     * @return the event; never null
     * @throws CollectException {@code TOO_LARGE}, {@code MALFORMED}, {@code UNKNOWN_TYPE} or {@code INVALID_FIELD}
     */
    public EventEnvelope parse(ShopId shop, byte[] body, Instant receivedAt) throws CollectException {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (body.length > settings.maxBodyBytes()) {
            throw new CollectException(Problem.TOO_LARGE, "The body is " + body.length + " bytes; the collector takes"
                    + " at most " + settings.maxBodyBytes() + ".");
        }
        JsonView json;
        try {
            json = parseJson(body);
        } catch (MalformedPayloadException e) {
            throw new CollectException(Problem.MALFORMED, "The body " + e.getMessage()
                    + "; send one JSON object as the snippet does.");
        }
        try {
            return envelope(shop, json, receivedAt);
        } catch (MalformedPayloadException e) {
            throw new CollectException(Problem.INVALID_FIELD, e.getMessage() + ".");
        }
    }

    private EventEnvelope envelope(ShopId shop, JsonView json, Instant receivedAt) throws CollectException {
        String type = json.string("type");
        if (type == null) {
            throw invalid("type is missing; send \"product_viewed\" or \"added_to_cart\"");
        }
        if (!type.equals(PRODUCT_VIEWED) && !type.equals(ADDED_TO_CART)) {
            throw new CollectException(Problem.UNKNOWN_TYPE, "type '" + Excerpt.of(type)
                    + "' is not one the collector takes: \"product_viewed\" or \"added_to_cart\".");
        }
        String visitorId = token(json, "visitorId", 8, 64, true);
        ProductId product = ProductId.of(printable(json, "productId", true));
        String variantId = printable(json, "variantId", false);
        String customer = printable(json, "customerId", false);
        CustomerId customerId = customer != null && settings.acceptCustomerIds() ? CustomerId.of(customer) : null;
        URI url = url(json);
        String eventId = token(json, "eventId", 1, 64, false);
        Instant occurredAt = occurredAt(json, receivedAt);

        EventPayload payload = type.equals(PRODUCT_VIEWED)
                ? new ProductViewed(product, visitorId, customerId, url, occurredAt)
                : new CartItemAdded(product, quantity(json), price(json), visitorId, customerId, url, occurredAt);
        String dedupKey = String.join(":", SOURCE, type, visitorId, product.value(),
                variantId == null ? "-" : variantId,
                eventId != null ? eventId : "m" + receivedAt.getEpochSecond() / 60);
        return new EventEnvelope(EventId.random(), shop, SOURCE, type, occurredAt, receivedAt, dedupKey, payload);
    }

    private Instant occurredAt(JsonView json, Instant receivedAt) {
        Instant stated = json.instant("occurredAt");
        if (stated == null) {
            return receivedAt;
        }
        if (stated.isAfter(receivedAt)) {
            return receivedAt;
        }
        return Duration.between(stated, receivedAt).compareTo(settings.maxAge()) > 0 ? receivedAt : stated;
    }

    private static int quantity(JsonView json) throws CollectException {
        if (!json.has("quantity")) {
            return 1;
        }
        int quantity = json.requireCount("quantity");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw invalid("quantity must be 1 to " + MAX_QUANTITY + ": " + quantity);
        }
        return quantity;
    }

    private static Money price(JsonView json) throws CollectException {
        BigDecimal amount = json.decimal("price");
        String currency = json.string("currency");
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0 || amount.compareTo(MAX_PRICE) >= 0 || amount.scale() > 6) {
            throw invalid("price must be a non-negative amount below " + MAX_PRICE.toPlainString()
                    + " with at most 6 decimals");
        }
        if (currency == null) {
            throw invalid("currency is missing; a price needs its ISO 4217 code (\"EUR\")");
        }
        try {
            if (currency.length() != 3) {
                throw new IllegalArgumentException();
            }
            return new Money(amount, Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw invalid("currency '" + Excerpt.of(currency) + "' is not an ISO 4217 code");
        }
    }

    private static URI url(JsonView json) throws CollectException {
        String text = json.string("url");
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_URL) {
            throw invalid("url is longer than " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                throw invalid("url must be an absolute http(s) address without credentials: '" + Excerpt.of(text)
                        + "'");
            }
            return new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), uri.getPath(), null,
                    null);
        } catch (URISyntaxException e) {
            throw invalid("url is not a URL: '" + Excerpt.of(text) + "'");
        }
    }

    private static String token(JsonView json, String name, int min, int max, boolean required)
            throws CollectException {
        String value = json.string(name);
        if (value == null) {
            if (required) {
                throw invalid(name + " is missing");
            }
            return null;
        }
        if (value.length() < min || value.length() > max || !TOKEN.matcher(value).matches()) {
            throw invalid(name + " must be " + min + " to " + max + " of A-Z a-z 0-9 _ -: '" + Excerpt.of(value) + "'");
        }
        return value;
    }

    private static String printable(JsonView json, String name, boolean required) throws CollectException {
        String value = json.id(name);
        if (value == null) {
            if (required) {
                throw invalid(name + " is missing");
            }
            return null;
        }
        if (value.length() > MAX_ID || !PRINTABLE.matcher(value).matches()) {
            throw invalid(name + " must be 1 to " + MAX_ID + " printable ASCII characters without spaces: '"
                    + Excerpt.of(value) + "'");
        }
        return value;
    }

    private static CollectException invalid(String problem) {
        return new CollectException(Problem.INVALID_FIELD, problem + ".");
    }

    /**
     * {@link JsonView#parse}, with Parsson's plain {@code RuntimeException} for input nested deeper than 1000 levels
     * turned into the {@link MalformedPayloadException} every other unreadable body gives.
     */
    private static JsonView parseJson(byte[] body) {
        try {
            return JsonView.parse(body);
        } catch (MalformedPayloadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedPayloadException("is not JSON of a sensible depth");
        }
    }
}
