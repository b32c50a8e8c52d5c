/**
 * BigCommerce's app callbacks (knowledge file 4.2): {@link dev.beckon.adapters.bigcommerce.install.BigCommerceInstall}
 * handles {@code /auth} (code exchange at {@code login.bigcommerce.com}, then webhooks through {@link
 * dev.beckon.adapters.bigcommerce.install.HookCreator}) and {@code /load}, {@code /uninstall}, {@code /remove_user},
 * whose {@code signed_payload_jwt} {@link dev.beckon.adapters.bigcommerce.install.SignedPayloadJwt} verifies. No
 * storage here: the suite keeps the credentials it is handed.
 */
package dev.beckon.adapters.bigcommerce.install;
