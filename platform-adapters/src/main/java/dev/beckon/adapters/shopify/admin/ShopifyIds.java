package dev.beckon.adapters.shopify.admin;

import dev.beckon.adapters.http.PlatformCallException;

import java.util.regex.Pattern;

/**
 * Shopify ids between REST/webhook form ({@code 820982911946154508}) and GraphQL global ids ({@code
 * gid://shopify/Customer/820982911946154508}). Kept as text end to end: these ids exceed 2<sup>53</sup>.
 */
final class ShopifyIds {

    private static final Pattern NUMERIC = Pattern.compile("[0-9]{1,20}");

    private ShopifyIds() {
    }

    /**
     * @param type the GraphQL type ({@code Customer})
     * @param id   numeric or already a gid of that type
     * @throws PlatformCallException {@code REJECTED} if it is neither
     */
    static String gid(String type, String id) {
        String prefix = "gid://shopify/" + type + "/";
        if (NUMERIC.matcher(id).matches()) {
            return prefix + id;
        }
        if (id.startsWith(prefix) && NUMERIC.matcher(id.substring(prefix.length())).matches()) {
            return id;
        }
        throw new PlatformCallException(PlatformCallException.Kind.REJECTED,
                "'" + id + "' is not a Shopify " + type + " id");
    }

    /** The numeric tail of an id of that type; null if it is neither numeric nor such a gid. */
    static String numeric(String type, String id) {
        String prefix = "gid://shopify/" + type + "/";
        String tail = id.startsWith(prefix) ? id.substring(prefix.length()) : id;
        return NUMERIC.matcher(tail).matches() ? tail : null;
    }
}
