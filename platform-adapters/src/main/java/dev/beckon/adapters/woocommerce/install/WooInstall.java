package dev.beckon.adapters.woocommerce.install;

import dev.beckon.adapters.json.Excerpt;
import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;
import dev.beckon.adapters.woocommerce.install.WooInstallException.Reason;
import dev.beckon.api.model.ShopId;

import jakarta.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * WooCommerce's REST key install (knowledge file 3.3), in two steps.
 *
 * <ol>
 *   <li>{@link #authorizeUrl}: validates the store URL, makes a one-time random {@code user_id}, keeps a
 *       {@link PendingInstall} and returns
 *       {@code {store}/wc-auth/v1/authorize?app_name&scope=read_write&user_id&return_url&callback_url}, where the
 *       merchant's browser goes to approve.</li>
 *   <li>{@link #complete}: WooCommerce POSTs the keys to {@code callback_url}, <em>unsigned</em>. The body's
 *       {@code user_id} must equal the pending one (constant-time; a mismatch leaves the install pending, so a forged
 *       post cannot cancel a real one); the pending install is then consumed (one use). The keys must be
 *       {@code read_write}. They are trusted only after {@code GET /wp-json/wc/v3/system_status} with them answers
 *       200 with a JSON object holding {@code environment}: first with HTTP Basic; if the store answers 401 without
 *       WooCommerce's {@code woocommerce_rest_authentication_error} (the server stripped the {@code Authorization}
 *       header), once more with the keys as query parameters. Then one webhook per topic in {@link #TOPICS} is
 *       created ({@code POST /wp-json/wc/v3/webhooks {name, topic, delivery_url, secret, status}}) with one
 *       generated {@code [A-Za-z0-9]} secret (so {@code wp_specialchars_decode} cannot alter it); if one fails, the
 *       ones already created are deleted, best effort.</li>
 * </ol>
 *
 * <p>Every failure is a {@link WooInstallException} with a merchant-readable message; no message or log line holds
 * a key or a secret. Thread-safe. {@link #complete} blocks on the store for up to a few bounded requests.
 */
public final class WooInstall {

    /** The topics {@code WooCommerceAdapter} maps; one webhook each. */
    public static final List<String> TOPICS = List.of("order.created", "order.updated", "customer.created",
            "customer.updated");
    /** Where the keys are tested; it needs an authenticated shop manager's key. */
    public static final String TEST_PATH = "/wp-json/wc/v3/system_status";
    public static final String WEBHOOKS_PATH = "/wp-json/wc/v3/webhooks";

    static final int SECRET_LENGTH = 40;
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int MAX_APP_NAME = 100;
    private static final System.Logger LOG = System.getLogger(WooInstall.class.getName());

    private final WooInstallSettings settings;
    private final WooStoreApi store;
    private final PendingInstalls pending;
    private final Clock clock;
    private final SecureRandom random;

    /**
     * @param settings never null
     * @param store    how the store's REST API is called; never null
     * @param pending  where pending installs wait; never null
     * @param clock    what "now" is for expiry; never null
     * @param random   source of {@code user_id} nonces and webhook secrets; never null
     */
    public WooInstall(WooInstallSettings settings, WooStoreApi store, PendingInstalls pending, Clock clock,
                      SecureRandom random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Starts an install: keeps a pending install for the shop (replacing an older one) and returns where the
     * merchant's browser goes.
     *
     * @param storeUrl    the store's address as the merchant typed it; {@code https://} (a bare host is read so)
     * @param appName     shown to the merchant on the approval page ({@code Beckon}); 1 to 100 characters
     * @param shopId      never null
     * @param returnUrl   where WooCommerce sends the browser afterwards ({@code ?success=1|0&user_id=…} appended)
     * @param callbackUrl where WooCommerce POSTs the keys; must be https (WooCommerce refuses anything else)
     * @throws WooInstallException {@link Reason#INVALID_URL} if a URL or the name is unusable
     */
    public URI authorizeUrl(String storeUrl, String appName, ShopId shopId, URI returnUrl, URI callbackUrl)
            throws WooInstallException {
        Objects.requireNonNull(shopId, "shopId");
        StoreUrl storeAddress = StoreUrl.parse(storeUrl, settings.allowLoopbackHttp());
        if (appName == null || appName.isBlank() || appName.length() > MAX_APP_NAME) {
            throw new WooInstallException(Reason.INVALID_URL,
                    "The app name must be 1 to " + MAX_APP_NAME + " characters.");
        }
        URI back = StoreUrl.checkedWebUrl(returnUrl == null ? null : returnUrl.toString(), "return URL",
                settings.allowLoopbackHttp());
        URI callback = StoreUrl.checkedWebUrl(callbackUrl == null ? null : callbackUrl.toString(), "callback URL",
                settings.allowLoopbackHttp());
        String userId = HexFormat.of().formatHex(randomBytes(20));
        pending.save(new PendingInstall(shopId, storeAddress, userId, clock.instant().plus(settings.pendingTtl())));
        LOG.log(System.Logger.Level.INFO, "shop {0}: WooCommerce install started for {1}", shopId, storeAddress);
        return URI.create(storeAddress + "/wc-auth/v1/authorize?app_name=" + encode(appName.strip())
                + "&scope=read_write&user_id=" + encode(userId) + "&return_url=" + encode(back.toString())
                + "&callback_url=" + encode(callback.toString()));
    }

    /**
     * Completes the install with the body WooCommerce POSTed to the callback URL.
     *
     * @param shopId       the shop of the callback URL; never null
     * @param callbackBody the raw body; null or empty is refused
     * @return the trusted keys, the created webhooks and their secret; never null
     * @throws WooInstallException for every reason in {@link Reason} but {@code INVALID_URL}
     */
    public WooInstallation complete(ShopId shopId, byte[] callbackBody) throws WooInstallException {
        Objects.requireNonNull(shopId, "shopId");
        PendingInstall install = pending.find(shopId).orElseThrow(() -> new WooInstallException(
                Reason.UNKNOWN_INSTALL, "No WooCommerce install is waiting for this shop; start it again from Beckon."));
        Instant now = clock.instant();
        if (!now.isBefore(install.expiresAt())) {
            pending.consume(install);
            throw new WooInstallException(Reason.UNKNOWN_INSTALL,
                    "The WooCommerce approval took too long and expired; start the install again from Beckon.");
        }
        CallbackBody body = CallbackBody.parse(callbackBody);
        if (!MessageDigest.isEqual(body.userId().getBytes(StandardCharsets.UTF_8),
                install.userId().getBytes(StandardCharsets.UTF_8))) {
            LOG.log(System.Logger.Level.WARNING, "shop {0}: WooCommerce key callback with a foreign user_id", shopId);
            throw new WooInstallException(Reason.USER_MISMATCH,
                    "The key callback does not belong to the install Beckon started (user_id differs).");
        }
        if (!pending.consume(install)) {
            throw new WooInstallException(Reason.UNKNOWN_INSTALL,
                    "This WooCommerce install was already completed or restarted.");
        }
        WooKeys keys = body.keys();
        if (!"read_write".equals(keys.permissions())) {
            throw new WooInstallException(Reason.INSUFFICIENT_PERMISSIONS, "The keys were granted '"
                    + keys.permissions() + "' access; Beckon needs read_write to create webhooks and coupons. "
                    + "Start the install again and approve read/write access.");
        }
        Tested tested = test(install.store(), keys);
        String secret = secret();
        List<WooWebhook> webhooks = createWebhooks(install, keys, tested.auth(), secret);
        LOG.log(System.Logger.Level.INFO, "shop {0}: WooCommerce install of {1} complete, key {2}, {3} webhooks",
                shopId, install.store(), keys.keyId(), webhooks.size());
        return new WooInstallation(shopId, install.store(), keys, tested.auth(), webhooks, secret, tested.version());
    }

    /**
     * Deletes the install's webhooks from the store (on uninstall), best effort: a store that no longer accepts the
     * keys (the merchant revoked them) has nothing left to delete for Beckon anyway.
     *
     * @return the ids of webhooks that may still exist (the store was unreachable or refused); empty if all are gone
     */
    public List<String> removeWebhooks(WooInstallation installation) {
        List<String> left = new ArrayList<>();
        for (WooWebhook webhook : installation.webhooks()) {
            if (!delete(installation.store(), installation.keys(), installation.auth(), webhook.id())) {
                left.add(webhook.id());
            }
        }
        return left;
    }

    private record Tested(WooAuth auth, String version) {
    }

    private Tested test(StoreUrl storeUrl, WooKeys keys) throws WooInstallException {
        URI url = storeUrl.resolve(TEST_PATH);
        WooStoreApi.Answer basic = call(new WooStoreApi.Request("GET", url, keys, WooAuth.BASIC, null), storeUrl);
        if (basic.status() == 401 && !basic.body().contains("woocommerce_rest_authentication_error")) {
            WooStoreApi.Answer query = call(new WooStoreApi.Request("GET", url, keys, WooAuth.QUERY_STRING, null),
                    storeUrl);
            return tested(query, WooAuth.QUERY_STRING, storeUrl);
        }
        return tested(basic, WooAuth.BASIC, storeUrl);
    }

    private static Tested tested(WooStoreApi.Answer answer, WooAuth auth, StoreUrl storeUrl)
            throws WooInstallException {
        if (answer.status() == 401 || answer.status() == 403) {
            throw new WooInstallException(Reason.KEYS_REJECTED, "The store " + storeUrl.authority()
                    + " does not accept the keys it just issued (HTTP " + answer.status() + "). Check that the"
                    + " approving user is a shop manager or administrator, then start the install again.");
        }
        failOnRedirectOrError(answer, storeUrl, "test the keys");
        try {
            JsonView status = CallbackBody.parseJson(answer.body().getBytes(StandardCharsets.UTF_8));
            JsonView environment = status.requireObject("environment");
            return new Tested(auth, environment.string("version"));
        } catch (MalformedPayloadException e) {
            throw new WooInstallException(Reason.STORE_ERROR, "The store " + storeUrl.authority()
                    + " did not answer like the WooCommerce REST API (system_status " + e.getMessage()
                    + "). Is WooCommerce active, and are pretty permalinks on?");
        }
    }

    private List<WooWebhook> createWebhooks(PendingInstall install, WooKeys keys, WooAuth auth, String secret)
            throws WooInstallException {
        URI deliveryUrl = URI.create(settings.publicBaseUrl() + "/webhooks/woocommerce/"
                + URLEncoder.encode(install.shop().value(), StandardCharsets.UTF_8).replace("+", "%20"));
        List<WooWebhook> created = new ArrayList<>();
        try {
            for (String topic : TOPICS) {
                created.add(createWebhook(install.store(), keys, auth, topic, deliveryUrl, secret));
            }
            return List.copyOf(created);
        } catch (WooInstallException e) {
            for (WooWebhook webhook : created) {
                delete(install.store(), keys, auth, webhook.id());
            }
            throw e;
        }
    }

    private WooWebhook createWebhook(StoreUrl storeUrl, WooKeys keys, WooAuth auth, String topic, URI deliveryUrl,
                                     String secret) throws WooInstallException {
        String json = Json.createObjectBuilder()
                .add("name", "Beckon " + topic)
                .add("topic", topic)
                .add("delivery_url", deliveryUrl.toString())
                .add("secret", secret)
                .add("status", "active")
                .build().toString();
        WooStoreApi.Answer answer = call(new WooStoreApi.Request("POST", storeUrl.resolve(WEBHOOKS_PATH), keys, auth,
                json), storeUrl);
        if (answer.status() == 401 || answer.status() == 403) {
            throw new WooInstallException(Reason.WEBHOOK_FAILED, "The store " + storeUrl.authority()
                    + " refused to create the " + topic + " webhook (HTTP " + answer.status()
                    + "); the approving user may lack the right to manage webhooks.");
        }
        if (answer.status() != 200 && answer.status() != 201) {
            throw new WooInstallException(Reason.WEBHOOK_FAILED, "The store " + storeUrl.authority()
                    + " could not create the " + topic + " webhook (HTTP " + answer.status() + ").");
        }
        try {
            String id = CallbackBody.parseJson(answer.body().getBytes(StandardCharsets.UTF_8)).requireId("id");
            return new WooWebhook(id, topic);
        } catch (MalformedPayloadException e) {
            throw new WooInstallException(Reason.WEBHOOK_FAILED, "The store " + storeUrl.authority()
                    + " answered the " + topic + " webhook creation with something unexpected (" + e.getMessage()
                    + ").");
        }
    }

    private boolean delete(StoreUrl storeUrl, WooKeys keys, WooAuth auth, String webhookId) {
        URI url = storeUrl.resolve(WEBHOOKS_PATH + "/" + URLEncoder.encode(webhookId, StandardCharsets.UTF_8)
                + "?force=true");
        try {
            int status = store.send(new WooStoreApi.Request("DELETE", url, keys, auth, null)).status();
            boolean gone = status == 200 || status == 404 || status == 410 || status == 401;
            if (!gone) {
                LOG.log(System.Logger.Level.WARNING, "store {0}: deleting webhook {1} answered HTTP {2}", storeUrl,
                        webhookId, status);
            }
            return gone;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "store {0}: cannot delete webhook {1}: {2}", storeUrl, webhookId,
                    e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private WooStoreApi.Answer call(WooStoreApi.Request request, StoreUrl storeUrl) throws WooInstallException {
        try {
            return store.send(request);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "store {0}: {1} {2} failed: {3}", storeUrl, request.method(),
                    request.url().getPath(), e.toString());
            throw new WooInstallException(Reason.STORE_UNREACHABLE, "The store " + storeUrl.authority()
                    + " could not be reached; check that the address is right and the site is online, then try"
                    + " again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WooInstallException(Reason.STORE_UNREACHABLE, "Interrupted while calling the store.");
        }
    }

    private static void failOnRedirectOrError(WooStoreApi.Answer answer, StoreUrl storeUrl, String what)
            throws WooInstallException {
        int status = answer.status();
        if (status >= 300 && status < 400) {
            String target = Optional.ofNullable(answer.location()).map(l -> " to " + Excerpt.of(l)).orElse("");
            throw new WooInstallException(Reason.STORE_ERROR, "The store " + storeUrl.authority()
                    + " redirected" + target + " when Beckon tried to " + what
                    + "; install with the store's exact address (https, with or without www as the site uses).");
        }
        if (status != 200) {
            throw new WooInstallException(Reason.STORE_ERROR, "The store " + storeUrl.authority() + " answered HTTP "
                    + status + " when Beckon tried to " + what + ".");
        }
    }

    private String secret() {
        StringBuilder out = new StringBuilder(SECRET_LENGTH);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
