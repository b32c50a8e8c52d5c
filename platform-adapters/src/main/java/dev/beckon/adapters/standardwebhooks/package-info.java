/**
 * Standard Webhooks: the {@link dev.beckon.adapters.standardwebhooks.StandardWebhooksVerifier} (also used by the
 * BigCommerce adapter) and {@link dev.beckon.adapters.standardwebhooks.StandardWebhooksAdapter}, which takes
 * Beckon's own signed JSON envelope from headless and self-hosted stores (Medusa, Vendure, Magento, custom).
 * The store-side contract is {@code platform-adapters/STANDARD_WEBHOOKS.md}.
 */
package dev.beckon.adapters.standardwebhooks;
