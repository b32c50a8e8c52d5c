package dev.beckon.adapters.woocommerce.install;

/** How REST keys travel to a store; which one works is found during the install and kept with the keys. */
public enum WooAuth {
    /** HTTP Basic {@code consumer_key:consumer_secret} over HTTPS: the default. */
    BASIC,
    /**
     * {@code consumer_key} and {@code consumer_secret} as query parameters over HTTPS, for servers that strip the
     * {@code Authorization} header (some Apache/CGI setups), as WooCommerce's docs allow.
     */
    QUERY_STRING
}
