package dev.beckon.adapters.storefront;

import dev.beckon.api.model.ShopId;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The storefront snippets shipped next to this class, and what a merchant pastes: the suite serves
 * {@link #collectorScript()} at {@code GET /collect/beckon-collect.js} (with a cache lifetime) and shows
 * {@link #scriptTag} and {@link #shopifyWebPixel} in the shop's settings. Thread-safe.
 */
public final class Snippets {

    /** The classpath resources, relative to this class. */
    static final String COLLECTOR = "beckon-collect.js";
    static final String SHOPIFY_PIXEL = "shopify-web-pixel.js";

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Snippets() {
    }

    /** {@code beckon-collect.js}, to serve as {@code text/javascript; charset=utf-8}. */
    public static String collectorScript() {
        return resource(COLLECTOR);
    }

    /** The Shopify custom pixel with the placeholders filled in for this shop. */
    public static String shopifyWebPixel(URI publicBaseUrl, ShopId shop, String publicKey) {
        String endpoint = base(publicBaseUrl) + "/collect/" + encode(shop.value()) + "?key=" + encode(publicKey);
        return resource(SHOPIFY_PIXEL).replace("https://BECKON_HOST/collect/SHOP_ID?key=PUBLIC_KEY", endpoint);
    }

    /** The tag a merchant pastes into the theme, attribute values HTML-escaped. */
    public static String scriptTag(URI publicBaseUrl, ShopId shop, String publicKey) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(publicKey, "publicKey");
        return "<script async src=\"" + html(base(publicBaseUrl) + "/collect/" + COLLECTOR) + "\" data-shop=\""
                + html(shop.value()) + "\" data-key=\"" + html(publicKey) + "\"></script>";
    }

    /** A new public key for a shop: {@code pk_} and 24 random letters and digits. */
    public static String newPublicKey(SecureRandom random) {
        StringBuilder key = new StringBuilder("pk_");
        for (int i = 0; i < 24; i++) {
            key.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return key.toString();
    }

    private static String base(URI publicBaseUrl) {
        String text = publicBaseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String html(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String resource(String name) {
        try (InputStream in = Snippets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the platform-adapters jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
