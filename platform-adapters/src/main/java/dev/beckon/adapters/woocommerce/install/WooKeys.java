package dev.beckon.adapters.woocommerce.install;

import java.util.Objects;

/**
 * REST API keys a store granted.
 *
 * @param keyId          WooCommerce's {@code key_id}; never null
 * @param consumerKey    {@code ck_…}; never null, never logged
 * @param consumerSecret {@code cs_…}; never null, never logged
 * @param permissions    {@code read}, {@code write} or {@code read_write}; never null
 */
public record WooKeys(String keyId, String consumerKey, String consumerSecret, String permissions) {

    public WooKeys {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(consumerKey, "consumerKey");
        Objects.requireNonNull(consumerSecret, "consumerSecret");
        Objects.requireNonNull(permissions, "permissions");
    }

    @Override
    public String toString() {
        return "WooKeys[keyId=" + keyId + ", permissions=" + permissions + ", consumerKey/consumerSecret=<hidden>]";
    }
}
