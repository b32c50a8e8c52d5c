/**
 * The WooCommerce platform adapter: answers the unsigned creation ping, verifies {@code X-WC-Webhook-Signature}
 * over the raw body with the entity-decoded secret, then maps orders (by status) and customers onto canonical
 * events. Entry point: {@link dev.beckon.adapters.woocommerce.WooCommerceAdapter}; everything else in this package
 * is package-private.
 */
package dev.beckon.adapters.woocommerce;
