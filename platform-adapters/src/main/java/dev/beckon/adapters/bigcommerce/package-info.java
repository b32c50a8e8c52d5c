/**
 * The BigCommerce platform adapter: verifies the Standard Webhooks signature keyed with the app's client secret,
 * then maps the thin, id-only webhook payloads onto minimal canonical events. Entry point:
 * {@link dev.beckon.adapters.bigcommerce.BigCommerceAdapter}; everything else in this package is package-private.
 */
package dev.beckon.adapters.bigcommerce;
