package dev.beckon.adapters.shopify.install;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Shopify shop's domain as the install flow takes it from the {@code shop} parameter, validated as
 * {@code shopify-app-js} does ({@code lib/utils/shop-validator.ts}):
 * {@code ^[a-zA-Z0-9][a-zA-Z0-9-_]*\.(myshopify\.com|shopify\.com|myshopify\.io|shop\.dev)[/]*$}. An admin URL
 * {@code admin.shopify.com/store/{handle}} (with or without {@code https://}) is converted to
 * {@code {handle}.myshopify.com}. In production ({@link #validate(String)}) only {@code myshopify.com} is allowed;
 * the other Shopify domains are for Shopify's own development stores ({@link #validateAllowingDevelopment}).
 *
 * @param value lower case, without scheme or trailing slashes: {@code some-shop.myshopify.com}
 */
public record ShopDomain(String value) {

    private static final Pattern SHOP = Pattern.compile(
            "^([a-zA-Z0-9][a-zA-Z0-9-_]*)\\.(myshopify\\.com|shopify\\.com|myshopify\\.io|shop\\.dev)/*$");
    private static final Pattern ADMIN = Pattern.compile(
            "^(?:https://)?admin\\.shopify\\.com/store/([a-zA-Z0-9][a-zA-Z0-9-_]*)/*$");
    private static final String PRODUCTION = "myshopify.com";
    /** Longer than any real handle; bounds the regex work on hostile input. */
    private static final int MAX_LENGTH = 255;

    /** A production shop domain: {@code {handle}.myshopify.com}, or the admin URL of one; empty otherwise. */
    public static Optional<ShopDomain> validate(String shop) {
        return parse(shop, false);
    }

    /** Also accepts {@code shopify.com}, {@code myshopify.io} and {@code shop.dev}, for Shopify's test stores. */
    public static Optional<ShopDomain> validateAllowingDevelopment(String shop) {
        return parse(shop, true);
    }

    private static Optional<ShopDomain> parse(String shop, boolean development) {
        if (shop == null || shop.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String text = shop.strip();
        Matcher admin = ADMIN.matcher(text);
        if (admin.matches()) {
            text = admin.group(1) + "." + PRODUCTION;
        }
        Matcher matcher = SHOP.matcher(text);
        if (!matcher.matches() || (!development && !PRODUCTION.equals(matcher.group(2)))) {
            return Optional.empty();
        }
        return Optional.of(new ShopDomain((matcher.group(1) + "." + matcher.group(2)).toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return value;
    }
}
