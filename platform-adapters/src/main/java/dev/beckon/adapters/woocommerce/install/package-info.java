/**
 * WooCommerce's REST key install (knowledge file 3.3): {@link dev.beckon.adapters.woocommerce.install.WooInstall}
 * builds the {@code /wc-auth/v1/authorize} link and completes the key callback, trusting the keys only after an
 * authenticated test call, then creates the webhooks Beckon needs. HTTP goes through the
 * {@link dev.beckon.adapters.woocommerce.install.WooStoreApi} port ({@link
 * dev.beckon.adapters.woocommerce.install.HttpWooStoreApi} in production); the pending install through {@link
 * dev.beckon.adapters.woocommerce.install.PendingInstalls}. No persistence of credentials here: the suite stores
 * the returned {@link dev.beckon.adapters.woocommerce.install.WooInstallation}.
 */
package dev.beckon.adapters.woocommerce.install;
