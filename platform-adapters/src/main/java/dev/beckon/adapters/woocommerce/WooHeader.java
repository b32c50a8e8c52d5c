package dev.beckon.adapters.woocommerce;

/** The WooCommerce delivery headers the adapter reads. Only the body is covered by the signature. */
final class WooHeader {

    static final String SIGNATURE = "X-WC-Webhook-Signature";
    static final String TOPIC = "X-WC-Webhook-Topic";
    static final String CONTENT_TYPE = "Content-Type";

    private WooHeader() {
    }
}
