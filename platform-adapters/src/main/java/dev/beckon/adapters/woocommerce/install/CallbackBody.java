package dev.beckon.adapters.woocommerce.install;

import dev.beckon.adapters.json.JsonView;
import dev.beckon.adapters.json.MalformedPayloadException;
import dev.beckon.adapters.woocommerce.install.WooInstallException.Reason;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON WooCommerce posts to {@code callback_url}:
 * {@code {"key_id":1,"user_id":123,"consumer_key":"ck_…","consumer_secret":"cs_…","key_permissions":"read_write"}}.
 */
record CallbackBody(String userId, WooKeys keys) {

    /** Far above a real callback (about 200 bytes); bounds parsing of an unsigned body. */
    static final int MAX_BYTES = 8 * 1024;

    /** WooCommerce makes {@code ck_} / {@code cs_} plus 40 hex digits; allow some room, never anything odd. */
    private static final Pattern CONSUMER_KEY = Pattern.compile("ck_[A-Za-z0-9]{16,128}");
    private static final Pattern CONSUMER_SECRET = Pattern.compile("cs_[A-Za-z0-9]{16,128}");
    private static final Pattern KEY_ID = Pattern.compile("[0-9]{1,19}");
    private static final Set<String> PERMISSIONS = Set.of("read", "write", "read_write");

    static CallbackBody parse(byte[] body) throws WooInstallException {
        if (body == null || body.length == 0) {
            throw invalid("is empty");
        }
        if (body.length > MAX_BYTES) {
            throw invalid("is larger than " + MAX_BYTES + " bytes");
        }
        try {
            JsonView json = parseJson(body);
            String keyId = json.requireId("key_id");
            String userId = json.requireId("user_id");
            String consumerKey = json.requireString("consumer_key");
            String consumerSecret = json.requireString("consumer_secret");
            String permissions = json.requireString("key_permissions");
            if (!KEY_ID.matcher(keyId).matches()) {
                throw invalid("key_id is not a WooCommerce key id");
            }
            if (!CONSUMER_KEY.matcher(consumerKey).matches()) {
                throw invalid("consumer_key is not a WooCommerce consumer key (ck_…)");
            }
            if (!CONSUMER_SECRET.matcher(consumerSecret).matches()) {
                throw invalid("consumer_secret is not a WooCommerce consumer secret (cs_…)");
            }
            if (!PERMISSIONS.contains(permissions)) {
                throw invalid("key_permissions is not read, write or read_write");
            }
            return new CallbackBody(userId, new WooKeys(keyId, consumerKey, consumerSecret, permissions));
        } catch (MalformedPayloadException e) {
            throw invalid(e.getMessage());
        }
    }

    private static WooInstallException invalid(String problem) {
        return new WooInstallException(Reason.INVALID_CALLBACK,
                "The key callback is not what WooCommerce sends: body " + problem + ".");
    }

    /**
     * {@link JsonView#parse}, with Parsson's plain {@code RuntimeException} for input nested deeper than 1000 levels
     * turned into the {@link MalformedPayloadException} every other unreadable body gives.
     */
    static JsonView parseJson(byte[] body) {
        try {
            return JsonView.parse(body);
        } catch (MalformedPayloadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedPayloadException("is not JSON of a sensible depth");
        }
    }
}
